import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { connection } from "next/server";
import { outboxDataDirOr404, outboxQuery } from "@/lib/email/outbox-access";
import { listOutbox } from "@/lib/email/outbox";

export const metadata: Metadata = { title: "Outbox", robots: { index: false }, referrer: "no-referrer" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ key?: unknown }> }) {
  await connection();
  const { key } = await searchParams;
  const messages = await listOutbox(await outboxDataDirOr404(key));
  return (
    <>
      <h1>Outbox</h1>
      <p>
        No mail server is set (<code>SMTP_URL</code>), so every email this app sends is kept here instead,
        newest first. This page does not exist when a mail server is set.
      </p>
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <table className="mt-6 w-full border-collapse text-left">
          <caption className="sr-only">Messages in the outbox</caption>
          <thead>
            <tr className="border-b-2 border-brand-100">
              <th scope="col" className="py-2 pr-4">
                Sent
              </th>
              <th scope="col" className="py-2 pr-4">
                To
              </th>
              <th scope="col" className="py-2">
                Subject
              </th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id} className="border-b border-brand-100 align-top">
                <td className="py-2 pr-4 whitespace-nowrap">
                  <time dateTime={message.sentAt}>{message.sentAt.replace("T", " ").slice(0, 19)}</time>
                </td>
                <td className="py-2 pr-4 break-all">{message.to}</td>
                <td className="py-2">
                  <Link href={`/dev/outbox/${message.id}${outboxQuery(key)}`}>{message.subject}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
