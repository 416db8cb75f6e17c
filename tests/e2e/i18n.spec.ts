// The German UI (docs/i18n.md): a member whose saved language is German signs in (the sign-in page follows the
// browser, English here) and sees every converted page in German — html lang="de", a German heading, German dates —
// with no catalogue key or missing-message marker anywhere (text and aria-label/title/placeholder/alt). At 1280 and
// 375 px, no sideways scroll (German words are longer). Another German member switches to English on the account
// page, and the same pages show no key in English either. Signed out, a German browser gets the sign-in page in German,
// and the language switch under it changes it. Screenshots in tmp/screens/i18n/.
import { expect, test, type Page } from "./helpers/test";
import { expectNoRawKeys, germanMember } from "./helpers/i18n";
import { shots } from "./helpers/screens";

const DIR = "tmp/screens/i18n";

/** The converted pages: path, the heading in German and in English. `null` path: found from the page before. */
type Visit = { name: string; path: string; de: RegExp; en: RegExp };

const PAGES: Visit[] = [
  { name: "account", path: "/account", de: /^Ihr Konto$/, en: /^Your account$/ },
  { name: "customers", path: "/customers", de: /^Kunden$/, en: /^Customers$/ },
  { name: "customer-360", path: "", de: /.+/, en: /.+/ }, // the first customer of the list
  { name: "interactions", path: "/interactions", de: /^Interaktionen$/, en: /^Interactions$/ },
  { name: "log-interaction", path: "/interactions/new", de: /^Interaktion erfassen$/, en: /^Log an interaction$/ },
  { name: "cases", path: "/cases", de: /^Fälle$/, en: /^Cases$/ },
  { name: "case", path: "", de: /.+/, en: /.+/ }, // the first case of the list
  { name: "not-found", path: "/customers/no-such-customer", de: /nicht gefunden/, en: /could not find/ },
  { name: "forbidden", path: "/surveys/new", de: /erfordert die Rolle „Manager“/, en: /needs the manager role/ },
  { name: "dashboard", path: "/", de: /^Dashboard$/, en: /^Dashboard$/ },
  { name: "journeys", path: "/journeys", de: /^Journeys$/, en: /^Journeys$/ },
  { name: "journey-map", path: "", de: /.+/, en: /.+/ }, // the first journey of the list
  { name: "journey-paths", path: "", de: /: Pfade$/, en: /: paths$/ },
  { name: "units-report", path: "/reports/units", de: /^Einheiten im Vergleich$/, en: /^Units compared$/ },
  { name: "surveys", path: "/surveys", de: /^Umfragen$/, en: /^Surveys$/ },
  { name: "responses", path: "/surveys/responses", de: /^Antworten$/, en: /^Responses$/ },
  {
    name: "two-factor",
    path: "/account/two-factor",
    de: /^Zwei-Faktor-Authentifizierung$/,
    en: /^Two-factor authentication$/,
  },
  { name: "api-reference", path: "/docs/api", de: /^API-Referenz$/, en: /^API reference$/ },
  { name: "settings", path: "/settings", de: /^Einstellungen$/, en: /^Settings$/ },
  { name: "reports", path: "/reports", de: /^Berichte$/, en: /^Reports$/ },
  { name: "drivers-report", path: "/reports/drivers", de: /^Treiber$/, en: /^Key drivers$/ },
  { name: "digest-report", path: "/reports/digest", de: /^Wochenübersicht$/, en: /^Weekly digest$/ },
  { name: "settings-units", path: "/settings/units", de: /^Einheiten$/, en: /^Units$/ },
  { name: "customer-import", path: "/customers/import", de: /^Kunden importieren$/, en: /^Import customers$/ },
];

/** Settings pages only admins open (i18ng): visited by a German admin, in German only. */
const ADMIN_PAGES: Visit[] = [
  { name: "settings-admin", path: "/settings", de: /^Einstellungen$/, en: /^Settings$/ },
  { name: "settings-webhooks", path: "/settings/webhooks", de: /^Webhooks$/, en: /^Webhooks$/ },
  {
    name: "settings-customer-identity",
    path: "/settings/customer-identity",
    de: /^Kundenidentität$/,
    en: /^Customer identity$/,
  },
  { name: "settings-scim", path: "/settings/scim", de: /^SCIM-Bereitstellung$/, en: /^SCIM provisioning$/ },
  { name: "settings-sso", path: "/settings/sso", de: /^Single Sign-on$/, en: /^Single sign-on$/ },
  { name: "settings-audit", path: "/settings/audit", de: /^Audit-Protokoll$/, en: /^Audit log$/ },
  { name: "settings-audiences", path: "/settings/audiences", de: /^Zielgruppen$/, en: /^Audiences$/ },
  {
    name: "import-responses",
    path: "/customers/import?kind=responses",
    de: /^Antworten importieren$/,
    en: /^Import responses$/,
  },
];

let customerPath = "";
let casePath = "";
let journeyPath = "";
/** The pages found from the list before them (customer-360 is the default). */
const FOUND: Record<string, () => string> = {
  case: () => casePath,
  "journey-map": () => journeyPath,
  "journey-paths": () => `${journeyPath}/paths`,
};

async function visit(page: Page, v: Visit, lang: "de" | "en", screens: boolean) {
  await page.goto(v.path || (FOUND[v.name]?.() ?? customerPath));
  if (v.name === "customers" && !customerPath)
    customerPath = (await page.getByRole("table").getByRole("link").first().getAttribute("href")) ?? "";
  if (v.name === "cases" && !casePath)
    casePath = (await page.locator('a[href^="/cases/"]').first().getAttribute("href")) ?? "";
  if (v.name === "journeys" && !journeyPath)
    journeyPath = (await page.locator('main a[href^="/journeys/"]').first().getAttribute("href")) ?? "";
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "de" ? v.de : v.en);
  await expectNoRawKeys(page);
  if (!screens) return;
  await shots(page, DIR, `${v.name}-${lang}`, { fullPage: v.name !== "api-reference" });
  // The first screen on a phone, at a size one can read (long pages make the full-page shot tiny).
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${DIR}/${v.name}-${lang}-375-top.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en"); // the browser asks for English
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("resonance-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
}

test("a German member sees the converted pages in German", async ({ page }) => {
  test.slow(); // two dozen pages, each photographed at two widths
  await signIn(page, germanMember());

  // The shell speaks German on every page, converted or not.
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav.getByRole("link", { name: "Kunden" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Fälle" })).toBeVisible();
  await expect(page.getByText("Rolle: Agent")).toBeVisible();

  for (const v of PAGES) await visit(page, v, "de", true);
  // Customer 360 in German: the profile's labels and the timeline's dates.
  await page.goto(customerPath);
  await expect(page.getByText("Einwilligung zu Umfragen").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verlauf", exact: true })).toBeVisible();
  // The interactions list: German column headings and the German count of matches ("1.234 Interaktionen").
  await page.goto("/interactions");
  await expect(page.getByRole("columnheader", { name: "Berührungspunkt", exact: true })).toBeVisible();
  await expect(page.getByTestId("match-count")).toHaveText(/^(Mehr als )?[\d.]+ Interaktionen?, die neuesten zuerst$/);

  // The case page: the German work form.
  await page.goto(casePath);
  await expect(page.getByRole("heading", { name: "Diesen Fall bearbeiten" })).toBeVisible();
  await expect(page.getByLabel("Ursache")).toBeVisible();
  await expect(page.getByTestId("loop-closure")).toHaveCount(0);
  await page.goto("/cases");
  await expect(page.getByTestId("loop-closure")).toContainText("Closed Loop, letzte 90 Tage");
  // Settings: the section navigation and the profile in German (the member is an agent: no admin sections).
  await page.goto("/settings");
  await expect(page.getByRole("navigation", { name: "Abschnitte der Einstellungen" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ihre Organisationen" })).toBeVisible();

  // The dashboard and the journeys list: their headings read the same in both languages, their text does not.
  await page.goto("/");
  await expect(page.getByTestId("tile-nps").getByText("Net Promoter Score, −100 bis 100")).toBeVisible();
  await expect(page.getByRole("heading", { name: "NPS pro Woche" })).toBeVisible();
  await page.goto("/journeys");
  await expect(page.getByText(/^\d+ Phasen?$/).first()).toBeVisible();
  // The journey map: its German sections and the Map/Paths tabs.
  await page.goto(journeyPath);
  await expect(page.getByRole("heading", { name: "Emotionskurve" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Service Blueprint" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Ansichten der Journey" })).toBeVisible();

  // The account page: German dates ("5. Dez. 2026") in the sessions list.
  await page.goto("/account");
  await expect(page.getByText(/Angemeldet am \d{1,2}\. [A-ZÄÖÜ][a-zäöü]{2,3}\.? \d{4}/)).toBeVisible();
});

test("a German member who switches to English sees the same pages in English", async ({ page }) => {
  await signIn(page, germanMember());
  await page.goto("/account");
  await page.getByRole("combobox", { name: "Sprache", exact: true }).selectOption("en");
  await page.getByRole("button", { name: "Sprache speichern" }).click();
  await expect(page.getByText("Saved. Resonance now speaks English.")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  for (const v of PAGES) await visit(page, v, "en", false);
});

/** Pages only managers open: the first item of a list, its own heading (a name) and a German section heading. */
const MANAGER_PAGES = [
  {
    name: "survey-editor",
    list: "/surveys",
    link: /^\/surveys\/(?!new$|responses|campaigns|triggers)[^/?]+$/,
    section: "Fragen",
  },
  { name: "campaign", list: "/surveys/campaigns", link: /^\/surveys\/campaigns\/[^/?]+$/, section: "Antwortquote" },
  { name: "trigger", list: "/surveys/triggers", link: /^\/surveys\/triggers\/[^/?]+$/, section: "Antwortquote" },
];

async function firstLink(page: Page, re: RegExp): Promise<string> {
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => re.test(h));
  expect(href, `a link like ${re} on ${page.url()}`).toBeTruthy();
  return href!;
}

test("a German admin sees the survey editor, a campaign's and a trigger's page and the Settings sections in German", async ({
  page,
}) => {
  test.slow(); // nine pages, each photographed at two widths
  await signIn(page, germanMember("admin")); // an admin opens the manager's pages too
  for (const p of MANAGER_PAGES) {
    await page.goto(p.list);
    await page.goto(await firstLink(page, p.link));
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { name: p.section, exact: true })).toBeVisible();
    await expectNoRawKeys(page);
    await shots(page, DIR, `${p.name}-de`);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${DIR}/${p.name}-de-375-top.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  // The editor's own words: the distribution panel and a question card.
  await page.goto(MANAGER_PAGES[0].list);
  await page.goto(await firstLink(page, MANAGER_PAGES[0].link));
  await expect(page.getByRole("heading", { name: "Verteilung" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Fragen speichern" })).toBeVisible();
  // An export writes the audit event "customers.exported": an identifier the audit log shows as it is (translate="no").
  expect((await page.request.get("/api/v1/exports/customers")).status()).toBe(200);
  // Settings: the sub-pages, then the admin sections of the main page.
  for (const v of ADMIN_PAGES) await visit(page, v, "de", true);
  // members (roles by their German names), API keys, digest, retention
  await page.goto("/settings");
  await expect(page.getByRole("columnheader", { name: "Beigetreten" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Einen API-Schlüssel erstellen" })).toBeVisible();
  await expect(page.getByLabel("Tag", { exact: true })).toContainText("Montag");
  await expect(page.getByTestId("retention-preview")).toContainText(/würden? jetzt/);
  // Audiences: the builder's words and the list's counts with German separators (fetched after the page).
  await page.goto("/settings/audiences");
  await expect(page.getByRole("button", { name: "Kriterium hinzufügen" })).toBeVisible();
  await expect(page.getByTestId("preview-status")).toHaveText("Aktuell", { timeout: 15_000 });
  await expect(page.getByTestId("audience-count").first()).toHaveText(/^\d{1,3}(\.\d{3})*$/);
});

test("signed out, the sign-in page follows the browser and the language switch", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "de-DE",
    extraHTTPHeaders: { "Accept-Language": "de-DE,de;q=0.9" },
  });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anmelden");
  await expect(page.getByLabel("Passwort", { exact: true })).toBeVisible();
  await expectNoRawKeys(page);
  await shots(page, DIR, "login-de");
  await page.goto("/forgot-password");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Passwort vergessen?");
  await expectNoRawKeys(page);
  await page.goto("/invite/no-such-invite");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dieser Einladungslink funktioniert nicht");
  await expectNoRawKeys(page);
  await page.goto("/setup"); // first-run setup, done already in the e2e database
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Resonance ist eingerichtet");
  await page.goto("/reset-password/no-such-token");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dieser Link zum Zurücksetzen funktioniert nicht");
  await expectNoRawKeys(page);
  // The switch under the card: English, remembered in a cookie although the browser still asks for German.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This reset link does not work");
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await context.close();
});
