// The benchmarks' options: defaults, numbers, switches with their --no- form, and a clear refusal.
import { describe, expect, it } from "vitest";
import { parseBenchOptions } from "../../../bench/options";

const DEFAULTS = { port: 3210, runs: 5, proxy: true };

describe("a benchmark's options", () => {
  it("are their defaults when none is given", () => {
    expect(parseBenchOptions(DEFAULTS, [])).toEqual({ port: 3210, runs: 5, proxy: true });
  });

  it("read whole numbers and switches, --no-proxy included", () => {
    expect(parseBenchOptions(DEFAULTS, ["--runs", "0", "--no-proxy"])).toEqual({
      port: 3210,
      runs: 0,
      proxy: false,
    });
  });

  it("refuse a value that is not a whole number, naming the option", () => {
    expect(() => parseBenchOptions(DEFAULTS, ["--runs", "five"])).toThrow(
      '--runs takes a whole number of 0 or more (such as 5), not "five".',
    );
    expect(() => parseBenchOptions(DEFAULTS, ["--port", "-1"])).toThrow(/--port/);
  });

  it("refuse an option they do not have", () => {
    expect(() => parseBenchOptions(DEFAULTS, ["--parents", "9"])).toThrow(/parents/);
  });
});
