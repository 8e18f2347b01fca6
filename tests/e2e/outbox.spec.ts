import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "@/lib/server/env";
import { sendMail } from "@/lib/email/send-mail";
import { expect, test } from "./fixtures";

test("/dev/outbox shows a message sent through lib/email/send-mail.ts", async ({ page, visit }) => {
  // The server under test writes its outbox in E2E_DATA_DIR (see playwright.config.ts).
  const env = parseEnv({ DATA_DIR: process.env.E2E_DATA_DIR });
  const subject = `Outbox check ${randomBytes(3).toString("hex")}`;
  await sendMail(
    {
      to: "parent@example.org",
      subject,
      text: "Your link: http://127.0.0.1/some/link\n\nIf you did not ask for this, ignore it.",
      html: "<p>Your <a href='http://127.0.0.1/some/link'>link</a></p>",
    },
    env,
  );

  const key = readFileSync(path.join(process.env.E2E_DATA_DIR!, "outbox-key"), "utf8").trim();
  await visit(`/dev/outbox?key=${encodeURIComponent(key)}`);
  await page.getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  await expect(page.getByText("parent@example.org")).toBeVisible();
  await expect(page.getByRole("link", { name: "http://127.0.0.1/some/link" })).toBeVisible();
  await expect(page.locator("pre")).toContainText("If you did not ask for this, ignore it.");
  await expect(page.frameLocator("iframe").getByRole("link", { name: "link" })).toBeVisible();
});

test("an unknown outbox message is a 404", async ({ page }) => {
  const response = await page.goto("/dev/outbox/20260101T000000000Z-deadbeef");
  expect(response?.status()).toBe(404);
});
