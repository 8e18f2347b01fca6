import Link from "@/components/ui/link";
import type { Guide } from "@/lib/guides/load-guides";

export function GuideCard({
  guide,
  showAge = false,
  headingLevel = 3,
}: {
  guide: Guide;
  showAge?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <li className="list-none rounded-lg border border-brand-100 p-4 dark:border-night-raised">
      <Heading className="mt-0 text-lg">
        <Link href={guide.path}>{guide.frontMatter.title}</Link>
      </Heading>
      {showAge && (
        <p className="m-0 text-sm font-semibold text-ink-muted dark:text-night-muted">
          Ages {guide.ageGroup.replace("-", " to ")}
        </p>
      )}
      <p className="m-0 mt-1">{guide.frontMatter.description}</p>
    </li>
  );
}
