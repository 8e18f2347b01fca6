import { describe, expect, it } from "vitest";
import { visitorHint, visitorHintResponse } from "@/lib/accounts/visitor-hint";
import { databaseSuite } from "../../helpers/integration-env";
import { makeChildWithPlan, makeParent } from "../../helpers/factories";

const database = databaseSuite();

describe("GET /api/me: what a static page may learn about who is looking", () => {
  it("says signed out, with no plan, to a visitor without a session", async () => {
    expect(await visitorHint(database.db, null)).toEqual({ signedIn: false, hasPlan: false });
  });

  it("says signed in without a plan to a parent with no child yet", async () => {
    const parent = await makeParent(database.db);
    expect(await visitorHint(database.db, parent.id)).toEqual({ signedIn: true, hasPlan: false });
  });

  it("says a parent has a plan once one of their children has one", async () => {
    const parent = await makeParent(database.db);
    await database.db.child.create({ data: { userId: parent.id, ageGroup: "4-7" } });
    expect(await visitorHint(database.db, parent.id)).toMatchObject({ hasPlan: false });
    await makeChildWithPlan(database.db, parent.id);
    expect(await visitorHint(database.db, parent.id)).toEqual({ signedIn: true, hasPlan: true });
  });

  it("answers with the two flags only, never stored by a browser or a shared cache", async () => {
    const parent = await makeParent(database.db, "someone@example.org");
    await makeChildWithPlan(database.db, parent.id);
    const response = visitorHintResponse(await visitorHint(database.db, parent.id));
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.get("cache-control")).toContain("private");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ signedIn: true, hasPlan: true });
    expect(text).not.toContain("someone");
    expect(text).not.toContain(parent.id);
  });
});
