// A time zone name as a parent's browser or hand may write it ("europe/london", "Asia/Saigon"),
// turned into the IANA spelling we store: where we can, one that has a VTIMEZONE for calendar feeds
// (the zone files of @touch4it/ical-timezones).
import { createRequire } from "node:module";

/** The stored spelling of `name`, or null when it is not a time zone. */
export function canonicalTimeZone(name: string): string | null {
  if (name.length > 64) return null;
  const table = spellings();
  const known = table.byLowerCase.get(name.toLowerCase());
  if (known) return known;
  // Another name for a zone we have (an old spelling this runtime still knows): the one we have.
  const resolved = resolve(name);
  if (!resolved) return null;
  return table.byRuntimeName.get(resolved) ?? table.runtimeByLowerCase.get(name.toLowerCase()) ?? resolved;
}

/** True when calendar feeds can describe `zone` (a canonical name): a VTIMEZONE exists for it. */
export function calendarKnowsZone(zone: string): boolean {
  return spellings().byLowerCase.get(zone.toLowerCase()) === zone;
}

type Spellings = {
  byLowerCase: Map<string, string>;
  byRuntimeName: Map<string, string>;
  runtimeByLowerCase: Map<string, string>;
};
let cached: Spellings | undefined;

function spellings(): Spellings {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const files = require("@touch4it/ical-timezones/zones.js") as Record<string, string>;
  // Only real names: the package also lists Windows names with spaces ("Romance Standard Time").
  const names = Object.keys(files).filter(
    (name) => /^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(name) && resolve(name),
  );
  const byLowerCase = new Map(names.map((name) => [name.toLowerCase(), name]));
  const byRuntimeName = new Map<string, string>();
  for (const name of names) {
    const runtimeName = resolve(name)!;
    if (!byRuntimeName.has(runtimeName) || name === runtimeName) byRuntimeName.set(runtimeName, name);
  }
  // Zones newer than the zone files (America/Ciudad_Juarez…): the runtime's spelling.
  const runtimeByLowerCase = new Map(
    Intl.supportedValuesOf("timeZone").map((name) => [name.toLowerCase(), name]),
  );
  cached = { byLowerCase, byRuntimeName, runtimeByLowerCase };
  return cached;
}

/** The runtime's own name for a zone (ICU's), or null when it does not know it. */
function resolve(name: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
