// Every client component gets the messages it uses. The browser receives only the shell's messages
// (SHELL_CLIENT_KEYS) and what a page names in <ClientMessages keys={[…]}> (components/i18n/client-messages.tsx), so
// a client component using useTranslations("x.y") shows ⟦x.y.key⟧ unless the server component rendering it — or a
// layout above the page — provides "x.y" or "x". This follows imports from every page, layout and error file under
// app/ through server components to the client components they render, and everything those import (with or
// without "use client" of its own, a module a client component imports runs in the browser).
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

/**
 * The message paths a module's translators read: `const t = useTranslations("surveys")` then `t("inbox.card.score")`
 * and t(`category.${c}`) read "surveys.inbox.card.score" and "surveys.category". A translator used any other way
 * (a key in a variable, handed to another function or component) may read anything under its namespace.
 */
export function messagePaths(text: string): string[] {
  const declarations = [...text.matchAll(/(?:const|let)\s+(\w+)\s*=\s*useTranslations\(\s*(?:"([^"]*)")?\s*\)/g)];
  return declarations.flatMap((d, i) => {
    const [, name, namespace = ""] = d;
    const next = declarations.slice(i + 1).find((e) => e[1] === name);
    const scope = text.slice(d.index + d[0].length, next?.index);
    const calls = [...scope.matchAll(new RegExp(`\\b${name}(?:\\.(?:rich|markup|raw|has))?\\(\\s*([^,)]*)`, "g"))];
    const mentions = [...scope.matchAll(new RegExp(`\\b${name}\\b`, "g"))].length;
    const keys = calls.map(([, arg]) => {
      const literal = /^"([^"]*)"$/.exec(arg.trim()) ?? /^`([^`$]*)`$/.exec(arg.trim());
      if (literal) return literal[1];
      const template = /^`([^`$]*)\$\{/.exec(arg.trim());
      return template ? template[1].replace(/\.?[^.]*$/, "") : null; // `category.${c}` → "category"
    });
    if (mentions > calls.length || calls.length === 0 || keys.includes(null)) return [namespace];
    return keys.map((k) => [namespace, k].filter(Boolean).join("."));
  });
}

function read(file: string): Source {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const specs = [...text.matchAll(/(?:from|import\()\s*"((?:@\/|\.{1,2}\/)[^"]+)"/g)].map((m) => m[1]);
  const uses = messagePaths(text);
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

/** What a client component and everything it imports use (a module imported by a client module runs in the browser too). */
function clientNeeds(file: string, seen = new Set<string>()): string[] {
  const s = sources.get(file);
  if (!s || seen.has(file)) return [];
  seen.add(file);
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
    // the forms' own keys, and those of the password input they import (which has no "use client" of its own)
    expect(clientNeeds(path.normalize("components/auth/password-reset-forms.tsx"))).toEqual(
      expect.arrayContaining(["auth.forgot.submit", "auth.reset.submit", "auth.password.hint"]),
    );
    // useTranslations() without a namespace: the keys name it, t("nav.sidebar")
    const shell = unprovided(path.normalize("components/shell/app-frame.tsx"));
    expect([...new Set(shell.map((p) => p.split(".")[0]))].sort()).toEqual(["common", "nav"]);
    // a translator handed on (or a computed key) may read its whole namespace
    expect(messagePaths('const t = useTranslations("a.b");\nreturn <X t={t} label={t("c")} />')).toEqual(["a.b"]);
    expect(messagePaths('const t = useTranslations("a");\nt(`d.${x}.e`); t("f.g"); t.rich("h", {})')).toEqual([
      "a.d",
      "a.f.g",
      "a.h",
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
