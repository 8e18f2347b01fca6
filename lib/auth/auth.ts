// Sign-in with an emailed magic link (Auth.js v5), users and sessions stored through Prisma.
// Links work once and expire after 24 hours; the email is sent through lib/email/send-mail.ts.
import { PrismaAdapter } from "@auth/prisma-adapter";
import { AsyncLocalStorage } from "node:async_hooks";
import { AccessDenied, Verification } from "@auth/core/errors";
import { countMetric } from "@/lib/server/metrics";
import { log } from "@/lib/server/log";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { cookies } from "next/headers";
import type { Adapter } from "next-auth/adapters";
import type { EmailConfig } from "next-auth/providers/email";
import { getDb } from "@/lib/server/db";
import { getEnv, type Env } from "@/lib/server/env";
import { sendMail, type MailMessage } from "@/lib/email/send-mail";
import { signInEmail } from "@/lib/email/sign-in-email";
import { createShortLink, shortLinkUrl } from "@/lib/auth/short-links";
import { allowSignInEmail, type SignInAsker, type SignInRefusal } from "@/lib/auth/sign-in-limits";
import type { PrismaClient } from "@/prisma/generated/client";

export const SIGN_IN_LINK_MAX_AGE_SECONDS = 24 * 60 * 60;

/** The email that carries a sign-in link: the sign-in email, or one that says what the link finishes
 *  (/remind's confirmation). `shortUrl` is the link's short address for "Or copy this link". */
export type LinkEmail = (to: string, url: string, shortUrl: string) => MailMessage;

/**
 * Asks Auth.js for a sign-in email for `email`, as the sign-in form does: "sent", or which limit
 * refused it (lib/auth/sign-in-limits.ts). `linkEmail` writes the email, where it is not the sign-in one.
 */
export async function requestSignInEmail(
  email: string,
  asker: SignInAsker,
  redirectTo = "/account",
  linkEmail: LinkEmail = signInEmail,
): Promise<"sent" | SignInRefusal> {
  const context: SignInContext = { asker, linkEmail };
  try {
    await signInContext.run(context, () => signIn("email", { email, redirect: false, redirectTo }));
    await forgetCallbackUrl();
    return "sent";
  } catch (error) {
    // The signIn callback's only refusal: the limits, which say which one.
    if (error instanceof AccessDenied) return context.refused ?? "network";
    throw error;
  }
}

/**
 * Auth.js keeps the page to go to after signing in in a cookie of whoever asked for the email. The
 * email's link carries it too, and a /remind request's page holds the signed request: it must reach
 * the address's owner only, never the person who typed the address (who may be someone else).
 */
async function forgetCallbackUrl(): Promise<void> {
  const jar = await cookies();
  for (const name of ["authjs.callback-url", "__Secure-authjs.callback-url"])
    jar.set(name, "", {
      maxAge: 0,
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: name.startsWith("__"),
    });
}

/**
 * Runs `ask` (a call into Auth.js) knowing who is asking: the per-client limits count it. Auth.js's
 * callbacks are not given the request, so the route handler and the actions say who it is.
 */
export function withSignInAsker<T>(asker: SignInAsker, ask: () => Promise<T>): Promise<T> {
  return signInContext.run({ asker }, ask);
}

type SignInContext = { asker: SignInAsker; linkEmail?: LinkEmail; refused?: SignInRefusal };
const signInContext = new AsyncLocalStorage<SignInContext>();

// Made on first use (the build imports this module without a database), then reused: Auth.js asks
// for it on every request, and nothing in it depends on the request.
let config: NextAuthConfig | undefined;
export const { handlers, auth, signIn, signOut } = NextAuth(() => (config ??= authConfig(getEnv(), getDb())));

/** The Auth.js configuration, for the app and for tests that drive Auth.js directly. */
export function authConfig(env: Env, db: PrismaClient): NextAuthConfig {
  const email: EmailConfig = {
    id: "email",
    type: "email",
    name: "Email",
    from: env.MAIL_FROM,
    maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
    // A link asked for at /remind comes in an email that says what it is (requestSignInEmail's linkEmail).
    // The email's "Or copy this link" is a short address (/l/<id>) that expires with the link.
    async sendVerificationRequest({ identifier, url, expires, token }) {
      const linkEmail = signInContext.getStore()?.linkEmail ?? signInEmail;
      const short = shortLinkUrl(
        env.APP_URL,
        await createShortLink(db, url, expires, { secret: env.AUTH_SECRET ?? "", signInToken: token }),
      );
      await sendMail(linkEmail(identifier, url, short), env);
      await countMetric(db, "signin_emails_sent");
    },
  };
  return {
    basePath: "/api/auth",
    adapter: sessionAdapter(db),
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    providers: [email],
    logger: {
      // A refused sign-in email (the limits) and a used or expired link (pressed twice, after Back,
      // or late) are ordinary, not errors with a stack trace.
      error(error) {
        if (error instanceof AccessDenied) {
          log.info("[auth] a sign-in email was refused by the limits");
        } else if (error instanceof Verification) {
          log.info("[auth] a used or expired sign-in link was pressed");
        } else log.error(`[auth] ${error.name}: ${error.message}`, { stack: error.stack });
      },
    },
    callbacks: {
      // Every way to ask for a link (our form's action, Auth.js's POST /api/auth/signin/email) comes
      // through here before a token is made, so the limits are counted here and nowhere else. A
      // client nobody named (a new way in that forgot withSignInAsker) shares one count: still limited.
      async signIn({ user, email }) {
        if (!email?.verificationRequest) return true;
        const context = signInContext.getStore();
        const refused = await allowSignInEmail(db, user.email ?? "", context?.asker ?? { client: "unknown" });
        if (!refused) return true;
        if (context) context.refused = refused;
        await countMetric(db, "signin_emails_refused");
        return false;
      },
      // Send the browser on within this site only, resolved against APP_URL (the origin Auth.js
      // derives from the request can differ behind a proxy or on loopback).
      redirect({ url }) {
        const base = env.APP_URL;
        if (url.startsWith("/") && !url.startsWith("//")) return `${base}${url}`;
        try {
          if (new URL(url).origin === new URL(base).origin) return url;
        } catch {
          // not a URL: fall through to the home page
        }
        return `${base}/account`;
      },
    },
  };
}

/**
 * Auth.js's Prisma adapter, with the session lookup that every signed-in request makes done as one
 * SQL statement: through the Prisma client, each lookup is compiled anew (about a tenth of an account
 * page's CPU time). Same result: the session and its user, or null.
 */
function sessionAdapter(db: PrismaClient): Adapter {
  const adapter = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...adapter,
    async getSessionAndUser(sessionToken) {
      const [row] = await db.$queryRaw<SessionRow[]>`
        SELECT s."sessionToken", s."userId", s."expires",
               u."id", u."email", u."emailVerified", u."name", u."image"
        FROM "Session" s JOIN "User" u ON u."id" = s."userId"
        WHERE s."sessionToken" = ${sessionToken}`;
      if (!row) return null;
      return {
        session: { sessionToken: row.sessionToken, userId: row.userId, expires: row.expires },
        user: {
          id: row.id,
          email: row.email,
          emailVerified: row.emailVerified,
          name: row.name,
          image: row.image,
        },
      };
    },
  };
}

type SessionRow = {
  sessionToken: string;
  userId: string;
  expires: Date;
  id: string;
  email: string;
  emailVerified: Date | null;
  name: string | null;
  image: string | null;
};
