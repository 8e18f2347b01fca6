// A calendar feed's two links (lib/reminders/calendar-feed.ts): the webcal: address that calendar apps
// subscribe to, and the .ics file to download. The token is the feed's secret: pages say to keep it private.

export function calendarFilePath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

/** The address a calendar app subscribes to (webcal: is the feed's https: address). */
export function calendarSubscribeUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/^https?:/, "webcal:")}${calendarFilePath(token)}`;
}

/** "subscribe in your calendar app or download the calendar file", as two links. */
export function CalendarLinks({ appUrl, token }: { appUrl: string; token: string }) {
  return (
    <>
      <a href={calendarSubscribeUrl(appUrl, token)}>subscribe in your calendar app</a> or{" "}
      <a href={calendarFilePath(token)}>download the calendar file</a>
    </>
  );
}
