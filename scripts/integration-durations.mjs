#!/usr/bin/env node
// Writes tests/integration/durations.json — seconds per integration test file, the longer of its SQLite and
// PostgreSQL runs — from the JSON reports of the last `npm test` (tmp/test-results/integration-*.json). The shards
// of the integration suite are balanced by it (tests/integration/sequencer.ts). Run after adding or slowing down
// integration files: `node scripts/integration-durations.mjs`.
import fs from "node:fs";
import path from "node:path";
import { root } from "./lib.mjs";

const dir = path.join(root, "tmp/test-results");
const seconds = {};
for (const file of fs.readdirSync(dir).filter((f) => /^integration-.*\.json$/.test(f))) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  for (const t of report.testResults) {
    const name = t.name.slice(t.name.lastIndexOf("tests/integration/"));
    seconds[name] = Math.max(seconds[name] ?? 0, Math.round((t.endTime - t.startTime) / 1000));
  }
}
if (Object.keys(seconds).length === 0) throw new Error(`no integration reports in ${dir}: run npm test first`);
const sorted = Object.fromEntries(Object.entries(seconds).sort(([a], [b]) => a.localeCompare(b)));
fs.writeFileSync(path.join(root, "tests/integration/durations.json"), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${Object.keys(sorted).length} files, ${Object.values(sorted).reduce((a, b) => a + b, 0)} s in all`);
