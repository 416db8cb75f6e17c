// How much of the app is still English: runs the rule resonance/no-untranslated-text (scripts/eslint/) over every
// page and component and prints the findings per folder, most first. Since TRANSLATED (eslint.config.mjs) is every
// page and component, the lint keeps it at none. docs/i18n.md, "Tests".
//   node scripts/i18n-remaining.mjs
import path from "node:path";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import rule from "./eslint/no-untranslated-text.mjs";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ["**/*.tsx"],
      ignores: ["**/*.test.tsx"],
      languageOptions: { parser: tsParser },
      plugins: { resonance: { rules: { "no-untranslated-text": rule } } },
      rules: { "resonance/no-untranslated-text": "error" },
    },
  ],
});
// Only this rule's findings: a file's eslint-disable comments name rules this run does not load (react-hooks, next).
const RULE = "resonance/no-untranslated-text";
const results = (await eslint.lintFiles(["app/**/*.tsx", "components/**/*.tsx"]))
  .map((r) => ({ filePath: r.filePath, count: r.messages.filter((m) => m.ruleId === RULE).length }))
  .filter((r) => r.count);
const byFolder = new Map();
for (const r of results) {
  const folder = path.relative(root, path.dirname(r.filePath));
  byFolder.set(folder, (byFolder.get(folder) ?? 0) + r.count);
}
for (const [folder, n] of [...byFolder].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${folder}`);
const total = results.reduce((sum, r) => sum + r.count, 0);
console.log(`${String(total).padStart(5)}  untranslated texts in ${results.length} files`);
