// Stored XSS: script-bearing text placed through the API in a customer's name, an interaction note, a survey
// comment, a case note and a journey, stage and touchpoint name is shown as text on every page where it
// appears — no script runs, no dialog opens, no element of the payload lands in the DOM.
import { expect, test, type Page } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { signedCustomer } from "./helpers/customer-token";

const stamp = Date.now().toString(36);
// Each payload starts with its own marker so the page can be searched for it; every variant of the attack
// sets window.__xss, opens a dialog or leaves an element with the class xssi in the page.
// (At most 120 characters: the shortest name limit, journeys and touchpoints.)
const payload = (marker: string) =>
  `${marker}-${stamp}"><img src=x class=xssi onerror=alert(1)><script>__xss=1</script><svg class=xssi onload=alert(2)>`;

const P = {
  customer: payload("XCU"),
  note: payload("XIN"),
  comment: payload("XSC"),
  caseNote: payload("XCA"),
  journey: payload("XJO"),
  stage: payload("XST"),
  touchpoint: payload("XTP"),
};

async function expectInert(page: Page, path: string, texts: string[]) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(path);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  for (const text of texts)
    await expect(
      page.getByText(text.slice(0, 40), { exact: false }).first(),
      `${path}: ${text.slice(0, 20)}`,
    ).toBeVisible();
  expect(await page.locator(".xssi").count(), path).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), path).toBeUndefined();
  expect(dialogs, path).toEqual([]);
}

test("payloads stored in names, notes and comments render as text everywhere they appear", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "manager");
  const api = page.request;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from our own API
  const ok = async (res: Awaited<ReturnType<typeof api.post>>): Promise<any> => {
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  };

  // customer and an interaction note
  const externalId = `xss-${stamp}`;
  const customer = await ok(
    await api.post("/api/v1/customers", { data: { name: P.customer, email: `xss-${stamp}@example.test`, externalId } }),
  );
  await ok(
    await api.post("/api/v1/interactions", { data: { customerId: customer.id, outcome: "follow_up", note: P.note } }),
  );

  // a survey comment on a live survey of the demo organization, from that customer
  const surveys = await ok(await api.get("/api/v1/surveys"));
  const live = (surveys.data ?? surveys).find(
    (s: { status: string; type: string }) => s.status === "live" && s.type === "nps",
  );
  const detail = await ok(await api.get(`/api/v1/public/surveys/${live.publicId}`));
  const answers: Record<string, unknown> = {};
  for (const q of detail.questions as {
    key: string;
    type: string;
    scale?: { min: number };
    options?: { key: string }[];
  }[]) {
    if (q.type === "score") answers[q.key] ??= q.scale?.min ?? 0;
    else if (q.type === "text") answers[q.key] = P.comment;
    else if (q.options?.length) answers[q.key] = q.type === "multi_choice" ? [q.options[0].key] : q.options[0].key;
  }
  await ok(
    await api.post(`/api/v1/public/surveys/${live.publicId}/responses`, {
      data: {
        clientId: `xss-${stamp}`,
        answers,
        complete: true,
        ...(await signedCustomer(browser, live.publicId, externalId)),
      },
    }),
  );

  // a case note
  const cases = await ok(await api.get("/api/v1/cases?status=open"));
  const kase = (cases.data ?? cases)[0];
  await ok(await api.patch(`/api/v1/cases/${kase.id}`, { data: { status: "in_progress", resolution: P.caseNote } }));

  // a journey with a stage and a touchpoint
  const journey = await ok(
    await api.post("/api/v1/journeys", { data: { name: P.journey, stages: [{ name: P.stage }] } }),
  );
  await ok(
    await api.post("/api/v1/touchpoints", {
      data: { stageId: journey.stages[0].id, name: P.touchpoint, kind: "digital", targetCsat: 4 },
    }),
  );

  await expectInert(page, `/customers/${customer.id}`, [P.customer, P.note]);
  await expectInert(page, `/customers?q=${encodeURIComponent(`XCU-${stamp}`)}`, [P.customer]);
  await expectInert(page, "/interactions", [P.customer, P.note]);
  await expectInert(page, `/surveys/responses?customerId=${customer.id}`, [P.comment]);
  await expectInert(page, `/cases/${kase.id}`, [P.caseNote]);
  await expectInert(page, "/journeys", [P.journey]);
  await expectInert(page, `/journeys/${journey.id}`, [P.journey, P.stage, P.touchpoint]);
  await expectInert(page, `/journeys/${journey.id}/edit`, [P.stage]);
});
