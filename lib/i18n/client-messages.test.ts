// Every client component gets the messages it uses. The browser receives only the shell's messages
// (SHELL_CLIENT_KEYS) and what a page names in <ClientMessages keys={[…]}> (components/i18n/client-messages.tsx), so
// a client component using useTranslations("x.y") shows ⟦x.y.key⟧ unless the server component rendering it — or a
// layout above the page — provides "x.y" or "x". This follows imports from every page, layout and error file under
// app/ through server components to the client components they render (and the client components those import).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { covers, SHELL_CLIENT_KEYS } from "./pick";

const root = path.resolve(import.meta.dirname, "../..");

type Source = { file: string; client: boolean; imports: string[]; uses: string[]; provides: string[] };

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return walk(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? spec.slice(2) : path.join(path.dirname(from), spec);
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`])
    if (/\.tsx?$/.test(candidate) && fs.existsSync(path.join(root, candidate))) return path.normalize(candidate);
  return null;
}

const strings = (list: string) => [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);

function read(file: string): Source {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const specs = [...text.matchAll(/(?:from|import\()\s*"((?:@\/|\.{1,2}\/)[^"]+)"/g)].map((m) => m[1]);
  const uses = [...text.matchAll(/useTranslations\(\s*(?:"([^"]*)")?\s*\)/g)].flatMap((m) =>
    // useTranslations() without a namespace: the namespaces of the keys it is called with, t("nav.sidebar")
    m[1] !== undefined ? [m[1]] : [...text.matchAll(/\bt\(\s*"([a-zA-Z]+)\./g)].map((k) => k[1]),
  );
  const provides = [...text.matchAll(/<ClientMessages\s+keys=\{\[([^\]]*)\]\}/g)].flatMap((m) => strings(m[1]));
  return {
    file,
    client: /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/.test(text),
    imports: specs.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null),
    uses,
    provides,
  };
}

const sources = new Map(
  [...walk("app"), ...walk("components")].map((f) => [path.normalize(f), read(path.normalize(f))]),
);

/** What a client component and the client components it imports use. */
function clientNeeds(file: string, seen = new Set<string>()): string[] {
  const s = sources.get(file);
  if (!s || seen.has(file)) return [];
  seen.add(file);
  // Everything a client component imports runs in the browser too, "use client" or not (a hook in a .ts file).
  return [...s.uses, ...s.imports.flatMap((f) => clientNeeds(f, seen))];
}

/** What a server component renders in client components and does not provide itself. */
function unprovided(file: string, seen = new Set<string>()): string[] {
  const s = sources.get(file);
  if (!s || seen.has(file)) return [];
  seen.add(file);
  const needs = s.client
    ? clientNeeds(file)
    : s.imports.flatMap((f) => (sources.get(f)?.client ? clientNeeds(f) : unprovided(f, seen)));
  return needs.filter((n) => !covers(s.provides, n));
}

/** The layouts above an entry file of app/, its own folder's included. */
function layoutsAbove(file: string): string[] {
  const out: string[] = [];
  for (let dir = path.dirname(file); dir.startsWith("app"); dir = path.dirname(dir)) {
    for (const name of ["layout.tsx", "layout.ts"])
      if (sources.has(path.join(dir, name))) out.push(path.join(dir, name));
    if (dir === "app") break;
  }
  return out;
}

const ENTRY = /(^|\/)(page|layout|error|not-found|global-error|template|default)\.tsx?$/;
const entries = [...sources.keys()].filter((f) => f.startsWith("app/") && ENTRY.test(f));

describe("messages in the browser", () => {
  it("finds the pages and the client components that use messages", () => {
    expect(entries.length).toBeGreaterThan(50);
    // …and what they import without "use client" (new-password-input.tsx), which runs in the browser as well.
    expect(clientNeeds(path.normalize("components/auth/password-reset-forms.tsx"))).toEqual([
      "auth.forgot",
      "auth.reset",
      "auth.password",
    ]);
    expect([...new Set(unprovided(path.normalize("components/shell/app-frame.tsx")))].sort()).toEqual([
      "common",
      "nav",
    ]);
  });

  it("every page, layout and error file provides what its client components use", () => {
    const missing = entries.flatMap((entry) => {
      const provided = [...SHELL_CLIENT_KEYS, ...layoutsAbove(entry).flatMap((l) => sources.get(l)!.provides)];
      const lacking = [...new Set(unprovided(entry).filter((n) => !covers(provided, n)))];
      return lacking.length ? [`${entry}: ${lacking.join(", ")}`] : [];
    });
    expect(missing).toEqual([]);
  });
});
