import Link from "@/components/ui/link";
import { AGE_GROUPS, ageGroupLabel } from "@/lib/guides/age-groups";
import { GUIDE_KINDS } from "@/lib/guides/taxonomy";

export default function NotFound() {
  return (
    <>
      <h1>We can&apos;t find that page</h1>
      <p>
        The address may be mistyped, or the page may have moved. Every guide lives at an address like{" "}
        <code>/guides/8-10/live-streaming</code>: an age group, then a topic.
      </p>
      <h2>Age groups</h2>
      <ul>
        {AGE_GROUPS.map((group) => (
          <li key={group.slug}>
            <Link href={`/guides/${group.slug}`}>{ageGroupLabel(group)}</Link>{" "}
            <code>/guides/{group.slug}</code>
          </li>
        ))}
      </ul>
      <h2>Topics</h2>
      <ul>
        {GUIDE_KINDS.map((kind) => (
          <li key={kind.slug}>
            {kind.title}: <code>/guides/&lt;age&gt;/{kind.slug}</code>
          </li>
        ))}
      </ul>
      <p>
        You can also see <Link href="/guides">all guides</Link> or{" "}
        <Link href="/search">search the guides</Link>.
      </p>
    </>
  );
}
