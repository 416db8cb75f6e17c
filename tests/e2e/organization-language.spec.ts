// The organization's language (docs/i18n.md, "The organization's language"): a German admin creates an organization
// and it speaks German — its channels in the interaction form, a new survey starting in German — and its admin
// switches it to English under Settings. The organization is a new one: the demo's stays English for other specs.
import { expect, test } from "./helpers/test";
import { germanMember } from "./helpers/i18n";
import { DEMO_PASSWORD } from "./helpers/sign-in";

test("a German admin's new organization writes German; Settings switches it to English", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(germanMember("admin"));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/settings#your-organizations");
  const create = page.getByRole("form", { name: "Organisation anlegen" });
  await create.getByLabel("Name der Organisation").fill(`Stadtwerke Test ${Date.now()}`);
  await create.getByRole("button", { name: "Organisation anlegen" }).click();
  await expect(page).toHaveURL(/\/$/);

  // The new organization's channels are German.
  await page.goto("/interactions/new");
  const channel = page.getByRole("combobox", { name: "Kanal", exact: true });
  await expect(channel.locator("option")).toHaveText([
    "Nicht erfasst",
    "Chat",
    "E-Mail",
    "Filiale",
    "Mobile App",
    "Soziale Medien",
    "Telefon",
    "Web",
  ]);

  // A new survey starts in German.
  await page.goto("/surveys/new");
  await expect(page.getByRole("checkbox", { name: /Deutsch/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Englisch/ })).not.toBeChecked();

  // Its admin switches the organization to English: saved, and shown as the organization's language.
  await page.goto("/settings#organization-language");
  const form = page.getByRole("form", { name: "Die Sprache der Organisation" });
  await expect(form.getByLabel("Sprache")).toHaveValue("de");
  await form.getByLabel("Sprache").selectOption("en");
  await form.getByRole("button", { name: "Sprache der Organisation speichern" }).click();
  await expect(
    form.getByText("Gespeichert. Resonance schreibt für diese Organisation jetzt auf English."),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Die Sprache der Organisation" }).getByLabel("Sprache")).toHaveValue(
    "en",
  );
  await page.goto("/surveys/new");
  await expect(page.getByRole("checkbox", { name: /Englisch/ })).toBeChecked();
});
