import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { outboxDataDirOr404, outboxQuery } from "@/lib/email/outbox-access";
import { readOutboxMessage } from "@/lib/email/outbox";

export const metadata: Metadata = {
  title: "Outbox message",
  robots: { index: false },
  referrer: "no-referrer",
};

export default async function OutboxMessagePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ key?: unknown }>;
}) {
  await connection();
  const { id } = await params;
  const { key } = await searchParams;
  const message = await readOutboxMessage(await outboxDataDirOr404(key), id);
  if (!message) notFound();
  return (
    <>
      <p>
        <Link href={`/dev/outbox${outboxQuery(key)}`}>Back to the outbox</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4">
        <dt className="font-semibold">From</dt>
        <dd className="break-all">{message.from}</dd>
        <dt className="font-semibold">To</dt>
        <dd className="break-all">{message.to}</dd>
        <dt className="font-semibold">Sent</dt>
        <dd>
          <time dateTime={message.sentAt}>{message.sentAt}</time>
        </dd>
      </dl>
      {message.links.length > 0 && (
        <>
          <h2>Links in this message</h2>
          <ul>
            {message.links.map((link) => (
              <li key={link} className="break-all">
                <a href={link}>{link}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Plain text</h2>
      <pre className="mt-4 overflow-x-auto rounded bg-brand-50 p-4 text-base whitespace-pre-wrap dark:bg-night-raised">
        {message.text}
      </pre>
      {message.html && (
        <>
          <h2>HTML</h2>
          {/* Shown in a sandbox with no scripts, so a message cannot act on this page. */}
          <iframe
            title={`HTML version of "${message.subject}"`}
            sandbox=""
            srcDoc={message.html}
            className="mt-4 h-[32rem] w-full rounded border border-brand-100 bg-white"
          />
        </>
      )}
    </>
  );
}
