// The key guard of the German UI spec: no element of the page shows a catalogue key path ("customers.list.title")
// or the missing-message marker ⟦…⟧ (lib/i18n/fallback.ts), neither as text nor in the attributes people read
// or hear (aria-label, title, placeholder, alt). Text marked translate="no" (identifiers) is left out.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { e2eDatabaseUrl } from "./test";

const root = path.resolve(import.meta.dirname, "../../..");

/** A new member of the demo organization whose saved language is German (./german-user.ts); their e-mail. */
export function germanMember(role = "agent"): string {
  const out = execFileSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/e2e/helpers/german-user.ts", role],
    { cwd: root, env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() } },
  );
  return (JSON.parse(String(out)) as { email: string }).email;
}

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
    // A select's innerText lists every option, hidden or not: such options are emptied for the moment instead.
    const hidden = [...document.querySelectorAll<HTMLElement>('[translate="no"]')];
    const options = [
      ...document.querySelectorAll<HTMLOptionElement>('option[translate="no"], [translate="no"] option'),
    ];
    const labels = options.map((o) => o.text);
    for (const el of hidden) el.style.display = "none";
    for (const o of options) o.text = "";
    const texts = [document.body.innerText, document.title];
    for (const el of hidden) el.style.display = "";
    options.forEach((o, i) => (o.text = labels[i]));
    for (const el of document.querySelectorAll("[aria-label],[title],[placeholder],[alt]"))
      for (const a of ["aria-label", "title", "placeholder", "alt"]) texts.push(el.getAttribute(a) ?? "");
    // each finding with a little of its context, not the page's first lines
    const marker = new RegExp(`\u27e6|${keyPath.source}`);
    return texts.flatMap((t) => {
      const at = t.search(marker);
      return at < 0 ? [] : [t.slice(Math.max(0, at - 60), at + 80)];
    });
  }, AREAS);
  expect(found, `raw keys or missing-message markers on ${page.url()}`).toEqual([]);
}
