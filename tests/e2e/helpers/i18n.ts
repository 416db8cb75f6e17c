// The key guard of the German UI spec: no element of the page shows a catalogue key path ("customers.list.title")
// or the missing-message marker ⟦…⟧ (lib/i18n/fallback.ts), neither as text nor in the attributes people read
// or hear (aria-label, title, placeholder, alt). Text marked translate="no" (identifiers) is left out.
import { expect, type Page } from "@playwright/test";

const AREAS = [
  "common",
  "nav",
  "auth",
  "account",
  "customers",
  "interactions",
  "cases",
  "dashboard",
  "journeys",
  "reports",
  "surveys",
  "settings",
  "errors",
  "email",
  "api",
];

export async function expectNoRawKeys(page: Page) {
  const found = await page.evaluate((areas) => {
    const keyPath = new RegExp(`(?<![@\\w./-])(?:${areas.join("|")})\\.[a-z]\\w*(?:\\.\\w+)*`);
    // Identifiers marked translate="no" (the API reference's field names, settings.widget.position) are not keys.
    const hidden = [...document.querySelectorAll<HTMLElement>('[translate="no"]')];
    for (const el of hidden) el.style.display = "none";
    const texts = [document.body.innerText, document.title];
    for (const el of hidden) el.style.display = "";
    for (const el of document.querySelectorAll("[aria-label],[title],[placeholder],[alt]"))
      for (const a of ["aria-label", "title", "placeholder", "alt"]) texts.push(el.getAttribute(a) ?? "");
    return texts.filter((t) => t.includes("\u27e6") || keyPath.test(t)).map((t) => t.slice(0, 200));
  }, AREAS);
  expect(found, `raw keys or missing-message markers on ${page.url()}`).toEqual([]);
}
