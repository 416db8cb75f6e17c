// The ids of the demo's records that pages are opened for (a customer, a case, a journey …), found through the API by
// a signed-in admin: the first of each list, the live NPS survey, and the demo's own audience, campaign and trigger
// by name (lib/demo/distribution.ts), whatever other specs made.
import { expect, type Page } from "@playwright/test";

export type DemoIds = {
  customer: string;
  case: string;
  journey: string;
  touchpoint: string;
  survey: string;
  publicId: string;
  webhook?: string;
  audience: string;
  campaign: string;
  trigger: string;
};

async function firstId(page: Page, url: string): Promise<string> {
  const body = await (await page.request.get(url)).json();
  const list: { id: string }[] = Array.isArray(body) ? body : body.data;
  expect(list.length, `${url} lists something`).toBeGreaterThan(0);
  return list[0].id;
}

async function idByName(page: Page, url: string, name: string): Promise<string> {
  const list: { data: { id: string; name: string }[] } = await (await page.request.get(url)).json();
  const found = list.data.find((x) => x.name === name);
  expect(found, `${url} lists the demo's "${name}"`).toBeTruthy();
  return found!.id;
}

/** `admin`: a page signed in as an admin of the demo organization. */
export async function demoIds(admin: Page): Promise<DemoIds> {
  const surveys: { id: string; publicId: string; type: string; status: string }[] = await (
    await admin.request.get("/api/v1/surveys")
  ).json();
  const nps = surveys.find((s) => s.type === "nps" && s.status === "live")!;
  const webhooks = await (await admin.request.get("/api/v1/webhooks")).json();
  const webhookList: { id: string }[] = Array.isArray(webhooks) ? webhooks : (webhooks.data ?? []);
  return {
    trigger: await idByName(admin, "/api/v1/triggers", "CSAT after a resolved support call"),
    customer: await firstId(admin, "/api/v1/customers?limit=1"),
    case: await firstId(admin, "/api/v1/cases?limit=1"),
    journey: await firstId(admin, "/api/v1/journeys"),
    touchpoint: await firstId(admin, "/api/v1/touchpoints"),
    survey: nps.id,
    publicId: nps.publicId,
    webhook: webhookList[0]?.id,
    audience: await idByName(admin, "/api/v1/audiences?limit=200", "Plus and Pro customers"),
    campaign: await idByName(admin, "/api/v1/campaigns?limit=100", "Quarterly relationship NPS"),
  };
}
