// A manager prints a store touchpoint's QR code: opens it from the journey map, chooses the survey it leads to,
// downloads the PDF; a customer opens the printed link (as a phone's camera would), answers, and the page counts
// the answer through the code. Screenshots of the printable page at 1280 and 375 px (no sideways scroll).
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

const SHOTS = "tmp/screenshots/qr-code";

test("a manager prints a touchpoint's QR code and an answer through it is counted", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAs(page, "manager");
  const touchpoints: { id: string; name: string; journeyId?: string }[] = await (
    await page.request.get("/api/v1/touchpoints")
  ).json();
  const tp = touchpoints[0];
  await page.goto(`/touchpoints/${tp.id}/qr`);
  await expect(page.getByRole("heading", { level: 1, name: `QR code · ${tp.name}` })).toBeVisible();

  await page.getByLabel("The code leads to").selectOption({ label: "Relationship NPS" });
  await page.getByRole("button", { name: "Use this survey" }).click();
  await expect(page).toHaveURL(/\?survey=/);
  const sheet = page.getByRole("img", { name: /^Printable sheet: QR code for/ });
  await expect(sheet).toBeVisible();
  await expect.poll(() => sheet.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const counts = page.getByRole("region", { name: "Answers through this code" });
  const before = Number((await counts.locator("dd").first().innerText()).replace(/\D/g, ""));
  await shots(page, SHOTS, "sheet");

  const pdfHref = (await page.getByRole("link", { name: "PDF" }).getAttribute("href"))!;
  const pdf = await page.request.get(pdfHref);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");

  // The customer's phone opens the printed link and answers.
  const link = new URL((await page.locator("figcaption").innerText()).trim());
  expect(link.searchParams.get("tp")).toBe(tp.id);
  expect(link.searchParams.get("ch")).toBe("qr");
  expect(link.searchParams.get("sig")).toMatch(/^[A-Za-z0-9_-]{22}$/); // signed: only printed codes count
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const phone = await context.newPage();
  await phone.goto(`${link.pathname}${link.search}`);
  const group = phone.getByRole("group", { name: /recommend/i });
  await group.locator("label").nth(9).click();
  await expect(group.getByRole("radio", { name: "9", exact: true })).toBeChecked();
  await phone.getByRole("button", { name: "Send" }).click();
  await expect(phone.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await context.close();

  await page.reload();
  await expect(counts.locator("dd").first()).toHaveText(String(before + 1));
});
