// The front matter every guide must have, checked at build time.
import { z } from "zod";
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { GUIDE_SLUGS } from "@/lib/guides/taxonomy";

const isoDate = z
  .string({ message: "must be a date written as YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date written as YYYY-MM-DD", abort: true })
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    "is not a real date",
  );

const source = z.object({
  title: z.string({ message: "is required" }).trim().min(1, "is required"),
  publisher: z.string({ message: "is required" }).trim().min(1, "is required"),
  url: z
    .string({ message: "is required" })
    .url("must be a full URL")
    .refine((value) => value.startsWith("https://"), "must start with https://"),
});

/** One factual claim (a figure, a law, an age limit, how a service works) and the source that says it. */
const claim = z.strictObject({
  claim: z.string({ message: "is required" }).trim().min(1, "is required"),
  source: z.string({ message: "is required" }).url("must be a full URL"),
});

export const frontMatterSchema = z
  .strictObject(
    {
      title: z
        .string({ message: "is required" })
        .trim()
        .min(1, "is required")
        .max(90, "must be at most 90 characters"),
      description: z
        .string({ message: "is required" })
        .trim()
        .min(1, "is required")
        .max(160, "must be at most 160 characters"),
      ageGroup: z.enum(
        AGE_GROUPS.map((group) => group.slug),
        { message: `must be one of ${AGE_GROUPS.map((g) => g.slug).join(", ")}` },
      ),
      topic: z.enum(GUIDE_SLUGS, { message: `must be one of ${GUIDE_SLUGS.join(", ")}` }),
      lastReviewed: z.preprocess(
        (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
        isoDate,
      ),
      sources: z
        .array(source, { message: "must be a list of sources" })
        .min(2, "must list at least two sources"),
      claims: z.array(claim, { message: "must be a list of claims" }).default([]),
    },
    { message: "must be YAML between --- lines at the top of the file" },
  )
  .superRefine((value, context) => {
    const urls = new Set(value.sources.map((source) => source.url));
    value.claims.forEach((entry, index) => {
      if (!urls.has(entry.source))
        context.addIssue({
          code: "custom",
          path: ["claims", index, "source"],
          message: "must be the url of one of the guide's sources",
        });
    });
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Validates front matter; returns it, or one message per problem naming the field. */
export function checkFrontMatter(
  data: unknown,
): { ok: true; value: FrontMatter } | { ok: false; problems: string[] } {
  const result = frontMatterSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const field = issue.path.length ? issue.path.map(String).join(".") : "front matter";
      if (issue.code === "unrecognized_keys")
        return `front matter has unknown field(s): ${issue.keys.join(", ")}`;
      return `front matter "${field}" ${issue.message}`;
    }),
  };
}
