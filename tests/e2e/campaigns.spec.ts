// The invitation journey in the browser, with e-mail read from a real SMTP sink: a manager builds an audience and a
// campaign (a failed create keeps what was typed), the worker in the server process sends the invitation — and
// nothing of the demo's own campaigns, whose messages are all sent already — the customer opens the one-click score
// link from the e-mail's HTML, and the campaign's response rate moves; a second click on another score replaces the
// first (one response per invitation). Screenshots at 1280 and 375 px of the campaigns page without SMTP (its
// notice, the demo's campaigns) and of the campaign page.
// The journey runs on a server of its own (the same build and database as the suite's) with SMTP_URL pointing at
// the sink and a fast CAMPAIGN_POLL_MS: the suite's server has no SMTP, which other specs rely on.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "./helpers/test";
import { startMailServer, type MailServer } from "./helpers/mail-server";
import { signInAs } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

const SHOTS = "tmp/screenshots/campaigns";
let mail: MailServer;

test.beforeAll(async () => {
  // The worker runs in the server process (instrumentation.ts); polled often, so the e-mail goes out at once.
  mail = await startMailServer({ CAMPAIGN_WORKER: "on", CAMPAIGN_POLL_MS: "500" });
});
test.afterAll(async () => {
  await mail?.stop();
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: mail.server.url, viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

test("a manager invites an audience by e-mail; the customer answers with one click and the response rate moves", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const tag = `e2e-invite-${randomUUID().slice(0, 8)}`;
  const email = `${tag}@example.test`;

  // On the suite's server (no SMTP): the demo's campaigns, and the notice that e-mail waits for SMTP_URL.
  await signInAs(page, "manager");
  await page.goto("/surveys");
  await page.getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("link", { name: "Quarterly relationship NPS" })).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "E-mail is not set up on this server" })).toBeVisible();
  await shots(page, SHOTS, "demo");
  // The customer, as the CRM import would bring them.
  const created = await page.request.post("/api/v1/customers", {
    data: { name: "Ines Invited", email, externalId: tag.toUpperCase(), tags: [tag] },
  });
  expect(created.status()).toBe(201);
  const surveys: { name: string; type: string; status: string }[] = await (
    await page.request.get("/api/v1/surveys")
  ).json();
  const nps = surveys.find((s) => s.type === "nps" && s.status === "live")!;

  // On the server with SMTP: the dashboard's invitation rate before (the demo's invitations) …
  const manager = await newPage(browser);
  await signInAs(manager, "manager");
  const invited = async () => {
    const text = await manager.getByTestId("tile-nps").getByTestId("invitation-rate").innerText();
    const [, answered, delivered] = /([\d,]+) of ([\d,]+) invited customers answered/.exec(text)!;
    return { answered: Number(answered.replace(/,/g, "")), delivered: Number(delivered.replace(/,/g, "")) };
  };
  const before = await invited();
  // … and the manager builds the audience of that tag …
  await manager.goto("/settings/audiences");
  await manager.getByRole("button", { name: "Add a criterion" }).click();
  await manager.getByLabel("Tags", { exact: true }).fill(tag);
  await expect(manager.getByTestId("preview-status")).toHaveText("Up to date", { timeout: 15_000 });
  await expect(manager.getByTestId("preview-matched")).toHaveText("1");
  await manager.getByLabel("Name").first().fill(`Invite ${tag}`);
  await manager.getByRole("button", { name: "Save audience" }).click();
  await expect(manager).toHaveURL(/\/settings\/audiences\/\w+$/);

  // The organization's quiet hours (by default 21:00–08:00, docs/distribution.md "Contact rules") would hold the
  // e-mail until morning: the journey must not depend on the hour the suite runs at.
  const rules = await manager.request.put("/api/v1/contact-rules", {
    data: { capDays: 30, quietStartHour: 0, quietEndHour: 0, timeZone: "UTC" },
  });
  expect(rules.status()).toBe(200);

  // … and the campaign: a missing name is named, and what was chosen stays for the second try.
  await manager.goto("/surveys/campaigns");
  const form = manager.getByRole("form", { name: "New campaign" });
  await form.getByLabel("Survey").selectOption({ label: nps.name });
  await form.getByLabel("Audience").selectOption({ label: `Invite ${tag}` });
  await form.getByLabel("Send from").selectOption("0");
  await form.getByLabel("Send until").selectOption("0"); // the same hour: any time
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(form.getByText("Name the campaign")).toBeVisible();
  await expect(form.getByLabel("Audience")).toHaveValue(/.+/);
  expect(await form.getByLabel("Audience").locator("option:checked").innerText()).toBe(`Invite ${tag}`);
  await expect(form.getByLabel("Send until")).toHaveValue("0");
  await form.getByLabel("Name", { exact: true }).fill("Spring NPS");
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(form.getByText("Campaign created")).toBeVisible();

  // The worker sends the invitation; the customer opens the score link of the e-mail's HTML.
  await expect.poll(() => mail.sink.messages.filter((m) => m.to.includes(email)).length, { timeout: 30_000 }).toBe(1);
  expect(mail.sink.messages.map((m) => m.to)).toEqual([[email]]); // nothing of the demo's campaigns and triggers
  const html = mail.sink.messages.find((m) => m.to.includes(email))!.html ?? "";
  const scoreLink = (n: number) => new RegExp(`href="(https?://[^"]+/i/[^"?]+\\?score=${n})"`).exec(html)?.[1];
  expect(scoreLink(9)).toBeTruthy();
  const customer = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
  await customer.goto(scoreLink(9)!.replace(/&amp;/g, "&"));
  await expect(customer.getByRole("radio", { name: "9", exact: true })).toBeChecked();

  // The response rate on the campaign's page moves: 1 of 1 delivered answered.
  await manager.goto("/surveys/campaigns");
  await manager.getByRole("link", { name: "Spring NPS" }).click();
  await expect(manager.getByRole("heading", { name: "Spring NPS", level: 1 })).toBeVisible();
  await expect(async () => {
    await manager.reload();
    await expect(manager.getByTestId("response-rate")).toContainText("1 of 1 delivered", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(manager.getByTestId("funnel-started")).toContainText("1");

  // A second click, on another score, replaces the first: one response, the later score.
  await customer.goto(scoreLink(3)!.replace(/&amp;/g, "&"));
  await expect(customer.getByRole("radio", { name: "3", exact: true })).toBeChecked();
  const customerId = ((await created.json()) as { id: string }).id;
  await expect
    .poll(
      async () => {
        const list = await (await manager.request.get(`/api/v1/responses?customerId=${customerId}`)).json();
        return (list.data as { score: number | null }[]).map((r) => r.score);
      },
      { timeout: 15_000 },
    )
    .toEqual([3]);
  await manager.reload();
  await shots(manager, SHOTS, "campaign");

  // The dashboard shows the invitations' response rate beside the NPS tile's n: one more delivered, one more answered.
  await manager.goto("/");
  expect(await invited()).toEqual({ answered: before.answered + 1, delivered: before.delivered + 1 });
  await manager.getByTestId("tile-nps").screenshot({ path: `${SHOTS}/dashboard-nps-tile.png` });

  // The list, with the campaign's rate, pausing it there.
  await manager.goto("/surveys/campaigns");
  const row = manager.getByRole("region", { name: "Campaigns" }).getByRole("row", { name: /Spring NPS/ });
  await expect(row.getByTestId("campaign-response-rate")).toContainText("100.0");
  await shots(manager, SHOTS, "list");
  await manager.getByRole("form", { name: "Pause Spring NPS" }).getByRole("button", { name: "Pause" }).click();
  await expect(row.getByText("Paused")).toBeVisible();
});
