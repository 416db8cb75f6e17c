import { RuleTester } from "eslint";
import { describe, it } from "vitest";
import rule from "./no-untranslated-text.mjs";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { ecmaVersion: 2022, sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
});

tester.run("no-untranslated-text", rule, {
  valid: [
    'const A = () => <h1>{t("title")}</h1>;',
    'const A = () => <p className="px-2 text-sm" data-testid="x" aria-labelledby="h1" id="a">{count} · {"—"}</p>;',
    'const A = () => <a href="/customers" className={`px-${n}`}>{t.rich("x", { b: (c) => <b>{c}</b> })}</a>;',
    'const A = () => <Field label={t("name")} name="email" type="text" />;',
    'const A = () => <span>{format(x, "no date")}</span>;',
    "const A = () => <span>NPS</span>;",
    'const A = () => <span>{kind === "open" ? t("open") : t("closed")}</span>;',
    'export const metadata = { title: "Resonance" };',
    'export async function generateMetadata() { return { title: (await getTranslations("cases"))("title") }; }',
  ],
  invalid: [
    { code: "const A = () => <h1>Customers</h1>;", errors: [{ messageId: "jsxText" }] },
    { code: 'const A = () => <p>{open ? "Close" : "Menu"}</p>;', errors: 2 },
    { code: "const A = () => <p>{`${n} found`}</p>;", errors: [{ messageId: "literal" }] },
    { code: 'const A = () => <nav aria-label="Main" />;', errors: [{ messageId: "literal" }] },
    { code: 'const A = () => <Input label="Name" placeholder={"Type a name"} />;', errors: 2 },
    { code: 'const A = () => <Form submitLabel="Save" pendingLabel={`Saving…`} />;', errors: 2 },
    { code: 'export const metadata = { title: "Cases" };', errors: [{ messageId: "metadata" }] },
  ],
});
