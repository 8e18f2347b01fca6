// Checks a shared secret on an operator's endpoint (/api/metrics, /api/mail-events, /api/cron): the
// `Authorization: Bearer <token>` header, or a basic-auth password for senders that can only put
// credentials in the URL (Amazon SNS: https://sns:<token>@host/api/mail-events). Compared in
// constant time.
import { createHash, timingSafeEqual } from "node:crypto";

export function presentsToken(request: Request, token: string, options: { basic?: boolean } = {}): boolean {
  const header = request.headers.get("authorization") ?? "";
  let given: string | null = null;
  if (header.startsWith("Bearer ")) given = header.slice("Bearer ".length);
  else if (options.basic && header.startsWith("Basic ")) {
    const decoded = Buffer.from(header.slice("Basic ".length), "base64").toString("utf8");
    given = decoded.slice(decoded.indexOf(":") + 1);
  }
  if (given === null) return false;
  // Hashing both gives equal lengths, so the comparison says nothing about the token's length.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}
