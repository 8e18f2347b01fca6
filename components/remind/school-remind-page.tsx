// The /remind form reached through a school's link: the school's name above it and its code in it.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { permanentRedirect } from "next/navigation";
import { RemindPage } from "@/components/remind/remind-page";
import type { AgeGroup } from "@/lib/guides/age-groups";
import { readSchoolCode } from "@/lib/schools/school-code";
import { schoolForVisitor } from "@/lib/schools/schools";
import { requestClient } from "@/lib/server/request-client";

export function schoolLinkMetadata(group: AgeGroup | null): Metadata {
  const forWhom = group ? `your ${group.from} to ${group.to} year old` : "your child";
  return {
    title: `A monthly reminder to talk with ${forWhom}`,
    robots: { index: false },
    alternates: { canonical: group ? `/remind/${group.slug}` : "/remind" },
  };
}

export async function SchoolRemindPage({ typed, group }: { typed: string; group: AgeGroup | null }) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(typed);
  } catch {
    decoded = "";
  }
  const code = readSchoolCode(decoded);
  if (code && code !== typed) permanentRedirect(`/s/${code}${group ? `/${group.slug}` : ""}`);
  const school = code ? await schoolForVisitor(code, requestClient(await headers()).address) : null;
  return (
    <>
      {!school && (
        <p role="status" className="rounded bg-brand-50 p-3 dark:bg-night-raised">
          We don&apos;t know the school code in this link, so no school will count this sign-up. You can still
          set up the reminder below.
        </p>
      )}
      <RemindPage group={group} school={school && { code: school.code, name: school.name }} />
    </>
  );
}
