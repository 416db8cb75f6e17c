// The SMS invitation journey in the browser: a manager creates an SMS campaign on the campaigns page, the worker in
// the server process texts the customer through Twilio's wire format to the receiver on 127.0.0.1
// (tests/integration/twilio-receiver.ts, the one stand-in), the customer opens the link from the text on a phone-sized
// page and answers, Twilio's signed delivery receipt reaches the server's status endpoint, and the campaign's page
// shows the response rate and the carrier's confirmation. Screenshots at 1280 and 375 px of the campaign page.
// It runs on a server of its own (the same build and database as the suite's) with the Twilio settings, PUBLIC_URL
// (its own address: the StatusCallback and the signature's URL) and a fast CAMPAIGN_POLL_MS.
import { randomUUID } from "node:crypto";
import { expect, test } from "./helpers/test";
import { e2eDatabaseUrl } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { shots } from "./helpers/screens";
import { freePort, startServer, type RunningServer } from "../server";
import { startTwilioReceiver, type TwilioReceiver } from "../integration/twilio-receiver";

const SHOTS = "tmp/screenshots/sms-campaign";
let twilio: TwilioReceiver;
let server: RunningServer;

test.beforeAll(async () => {
  twilio = await startTwilioReceiver();
  const port = await freePort();
  server = await startServer({
    databaseUrl: e2eDatabaseUrl(),
    port,
    env: {
      ...twilio.env,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      CAMPAIGN_WORKER: "on",
      CAMPAIGN_POLL_MS: "500",
      DIGEST_TICK_SECONDS: "0",
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
    },
  });
});
test.afterAll(async () => {
  await server?.stop();
  await twilio?.stop();
});

test("a manager texts an audience; the customer answers from the SMS link on a phone and the response rate moves", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const tag = `e2e-sms-${randomUUID().slice(0, 8)}`;
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
  const e164 = `+4179${digits}`;
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
  const manager = await context.newPage();
  await signInAs(manager, "manager");

  // The customer (their number as people write it) and an audience of their tag, as the API would bring them.
  const created = await manager.request.post("/api/v1/customers", {
    data: {
      name: "Sam Texted",
      phone: `+41 79 ${digits.slice(0, 3)} ${digits.slice(3)}`,
      externalId: tag,
      tags: [tag],
    },
  });
  expect(created.status()).toBe(201);
  const audience = await manager.request.post("/api/v1/audiences", {
    data: { name: `Text ${tag}`, definition: { criteria: [{ type: "tags", tags: [tag] }] } },
  });
  expect(audience.status()).toBe(201);
  // Quiet hours (by default 21:00–08:00) would hold the text until morning: the journey must not depend on the hour.
  const rules = await manager.request.put("/api/v1/contact-rules", {
    data: { capDays: 30, quietStartHour: 0, quietEndHour: 0, timeZone: "UTC" },
  });
  expect(rules.status()).toBe(200);
  const surveys: { name: string; type: string; status: string }[] = await (
    await manager.request.get("/api/v1/surveys")
  ).json();
  const nps = surveys.find((s) => s.type === "nps" && s.status === "live")!;

  // The campaign, by SMS, on the page.
  await manager.goto("/surveys/campaigns");
  const form = manager.getByRole("form", { name: "New campaign" });
  await form.getByLabel("Name", { exact: true }).fill(`SMS ${tag}`);
  await form.getByLabel("Send by").selectOption("sms");
  await form.getByLabel("Survey").selectOption({ label: nps.name });
  await form.getByLabel("Audience").selectOption({ label: `Text ${tag}` });
  await form.getByLabel("Send from").selectOption("0");
  await form.getByLabel("Send until").selectOption("0"); // the same hour: any time
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(form.getByText("Campaign created")).toBeVisible();

  // The server's worker texts the number in E.164 form; the text carries the personal link and "Reply STOP".
  await expect.poll(() => twilio.accepted.filter((a) => a.to === e164).length, { timeout: 30_000 }).toBe(1);
  const text = twilio.accepted.find((a) => a.to === e164)!;
  expect(text.from).toBe("+15005550006");
  expect(text.body).toMatch(/Reply STOP to opt out$/);
  expect(text.statusCallback).toBe(`${server.url}/api/v1/public/sms/twilio/status`);
  const link = /(https?:\/\/\S+\/i\/\S+)/.exec(text.body)![1];

  // The customer's phone opens the link and answers.
  const phoneContext = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const phone = await phoneContext.newPage();
  await phone.goto(link);
  const group = phone.getByRole("group", { name: /recommend/i });
  await group.locator("label").nth(9).click();
  await expect(group.getByRole("radio", { name: "9", exact: true })).toBeChecked();
  await phone.getByRole("button", { name: "Send" }).click();
  await expect(phone.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await phoneContext.close();

  // Twilio's signed delivery receipt reaches the server.
  expect((await twilio.report(text.sid, "delivered")).status).toBe(200);

  // The campaign's page: 1 of 1 delivered answered, and the carrier's confirmation beside "delivered".
  await manager.goto("/surveys/campaigns");
  await manager.getByRole("link", { name: `SMS ${tag}` }).click();
  await expect(manager.getByRole("heading", { name: `SMS ${tag}`, level: 1 })).toBeVisible();
  await expect(async () => {
    await manager.reload();
    await expect(manager.getByTestId("response-rate")).toContainText("1 of 1 delivered", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(manager.getByTestId("funnel-delivered")).toContainText("1 confirmed by the carrier");
  await shots(manager, SHOTS, "campaign");
  await context.close();
});
