// Registering a school, for a member of staff: signed in with the same email link as parents. Lists
// the schools they are a contact of, and the form for another.
import type { Metadata } from "next";
import { SignInForm } from "@/components/account/sign-in-form";
import { SchoolForm } from "@/components/schools/school-form";
import Link from "@/components/ui/link";
import { SCHOOL_NAME_MAX } from "@/lib/schools/school-kit";
import { schoolsOf } from "@/lib/schools/schools";
import { auth } from "@/lib/auth/auth";

export const metadata: Metadata = { title: "Your school's own links and reach", robots: { index: false } };

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ deleted?: string }>;
}) {
  const session = await auth();
  const userId = session?.user?.id;
  const { deleted } = await searchParams;
  return (
    <>
      <h1>Your school&apos;s own links and reach</h1>
      {deleted === "1" && (
        <p role="status" className="font-semibold">
          The school is deleted. Its code no longer counts anything; parents keep their check-ins.
        </p>
      )}
      <p>
        Register your school to get links, QR codes and letters for parents that carry your school&apos;s
        code, and to see how many families use them. You only ever see numbers, updated once a month, each
        with a little random noise so that no figure gives away one family; we never tell a school who a
        family is.
      </p>
      {userId ? <Registered userId={userId} /> : <NotSignedIn />}
    </>
  );
}

async function Registered({ userId }: { userId: string }) {
  const schools = await schoolsOf(userId);
  return (
    <>
      {schools.length > 0 && (
        <>
          <h2>Your schools</h2>
          <ul>
            {schools.map((school) => (
              <li key={school.code}>
                <Link href={`/school/${school.code}`}>{school.name}</Link>
                {school.authority ? ` (${school.authority})` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Register {schools.length > 0 ? "another" : "your"} school</h2>
      <SchoolForm max={SCHOOL_NAME_MAX} />
    </>
  );
}

function NotSignedIn() {
  return (
    <>
      <h2>Sign in first</h2>
      <p>
        We email you a link to sign in: no password. It is the same sign-in as parents use, so if you are a
        parent here too, use the same address. A colleague who has already registered your school can invite
        you instead.
      </p>
      <SignInForm next="/schools/register" permalink="/schools/register" />
    </>
  );
}
