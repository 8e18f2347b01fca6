// The driver adapter the Prisma CLI uses (see prisma.config.ts). Prisma 6.19's JavaScript schema
// engine reads PostgreSQL catalog columns of type `name` and `"char"`, which @prisma/adapter-pg
// cannot map (prisma/orm#27403: "Column type 'name' could not be deserialized"). Both hold plain
// text, so the client below reports them as `text`. The app's own queries never return them.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const NAME = 19;
const CHAR = 18;
const TEXT = 25;

type Result = { fields?: { dataTypeID: number }[] };

function reportAsText<T>(result: T): T {
  for (const single of (Array.isArray(result) ? result : [result]) as Result[]) {
    for (const field of single?.fields ?? []) {
      if (field.dataTypeID === NAME || field.dataTypeID === CHAR) field.dataTypeID = TEXT;
    }
  }
  return result;
}

class CatalogFriendlyClient extends pg.Client {
  // pg's query() has many overloads; only the two forms pg.Pool and the adapter use are adapted.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const callback = args.findLast((arg) => typeof arg === "function");
    if (callback) {
      const index = args.lastIndexOf(callback);
      args[index] = (error: Error | null, result: unknown) => callback(error, result && reportAsText(result));
      return super.query(...(args as Parameters<pg.Client["query"]>));
    }
    const returned: unknown = super.query(...(args as Parameters<pg.Client["query"]>));
    return returned instanceof Promise ? returned.then(reportAsText) : returned;
  }
}

export function cliAdapter(connectionString: string): PrismaPg {
  return new PrismaPg(new pg.Pool({ connectionString, Client: CatalogFriendlyClient }));
}
