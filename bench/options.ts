// The benchmarks' command-line options, from one object of defaults: a number gives `--name N` (a whole
// number of 0 or more), `true` or `false` a switch (`--name`, `--no-name`). A value that is not a whole
// number stops the run with a message naming the option.
import { parseArgs } from "node:util";

type Defaults = Record<string, number | boolean>;
type Options<D extends Defaults> = { [K in keyof D]: D[K] extends boolean ? boolean : number };

/** The options on the command line; a wrong one stops the run with its message. */
export function benchOptions<const D extends Defaults>(defaults: D): Options<D> {
  try {
    return parseBenchOptions(defaults, process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

export function parseBenchOptions<const D extends Defaults>(defaults: D, args: string[]): Options<D> {
  const { values } = parseArgs({
    args,
    allowNegative: true,
    options: Object.fromEntries(
      Object.entries(defaults).map(([name, value]) => [
        name,
        typeof value === "boolean"
          ? { type: "boolean", default: value }
          : { type: "string", default: String(value) },
      ]),
    ),
  });
  const options: Record<string, number | boolean> = {};
  for (const [name, value] of Object.entries(defaults)) {
    const given = values[name];
    if (typeof value === "boolean") options[name] = given === true;
    else if (typeof given === "string" && /^\d+$/.test(given)) options[name] = Number(given);
    else
      throw new Error(
        `--${name} takes a whole number of 0 or more (such as ${value}), not "${String(given)}".`,
      );
  }
  return options as Options<D>;
}
