// Every citation in the repository points inside the repository (docs/README.md): no file cites the team's
// notes that live outside it, every relative Markdown link and every `docs/….md` path named in code or docs
// exists, a `#anchor` into a Markdown file names one of its headings, and a section cited as
// `docs/x.md, "Heading"` is a heading of that file.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

// Spelled in pieces so that this file does not cite them itself.
const OUTSIDE_NOTES = ["DESIGN", "STACK", "STYLE"].map((name) => `${name}.md`);
const OUTSIDE_PATHS = [`..${"/"}shared`, `/work${"/"}shared`];

const SKIP = [/^node_modules\//, /^lib\/generated\//, /^\.next/, /^tmp\//, /(^|\/)package-lock\.json$/];

/** Tracked files (and new ones not ignored), relative to the root; a walk of the tree when git is missing. */
function repositoryFiles(dir = root): string[] {
  try {
    const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    return out.split("\0").filter((f) => f && !SKIP.some((re) => re.test(f)));
  } catch {
    const files: string[] = [];
    const walk = (rel: string) => {
      for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
        const child = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.name.startsWith(".git") || SKIP.some((re) => re.test(child) || re.test(`${child}/`))) continue;
        if (entry.isDirectory()) walk(child);
        else files.push(child);
      }
    };
    walk("");
    return files;
  }
}

/** Text of a file, or null for binary, missing or huge files. */
function readText(file: string, dir = root): string | null {
  const full = path.join(dir, file);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile() || fs.statSync(full).size > 2_000_000) return null;
  const buffer = fs.readFileSync(full);
  return buffer.includes(0) ? null : buffer.toString("utf8");
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slugOf(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_]/g, (c) => (c === "_" ? "_" : ""))
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The headings of a Markdown text (outside code fences), their texts and their anchors (duplicates numbered). */
export function headingsOf(markdown: string): { texts: string[]; anchors: Set<string> } {
  const texts: string[] = [];
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/`/g, "");
    texts.push(text);
    const slug = slugOf(m[1]);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return { texts, anchors };
}

/** Markdown without its fenced code blocks and inline code spans (links there are examples, not links). */
function proseOf(markdown: string): string {
  return markdown.replace(/^\s*(```|~~~)[\s\S]*?^\s*\1.*$/gm, "").replace(/`[^`\n]*`/g, "");
}

const normalise = (s: string) =>
  s
    .replace(/\n\s*(\/\/|\*|#)?\s*/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

export type Problem = { file: string; problem: string };

/** Every broken citation in the given files of a tree rooted at `dir`. */
export function citationProblems(files: readonly string[], dir = root): Problem[] {
  const problems: Problem[] = [];
  const headingCache = new Map<string, ReturnType<typeof headingsOf> | null>();
  const headings = (file: string) => {
    if (!headingCache.has(file)) {
      const text = readText(file, dir);
      headingCache.set(file, text === null ? null : headingsOf(text));
    }
    return headingCache.get(file)!;
  };
  const exists = (rel: string) => fs.existsSync(path.join(dir, rel));
  const self = path.relative(dir, path.join(root, "scripts/docs-links.test.ts"));

  for (const file of files) {
    const text = file === self ? null : readText(file, dir); // this file's examples are broken on purpose
    if (text === null) continue;

    for (const name of [...OUTSIDE_NOTES, ...OUTSIDE_PATHS])
      if (text.includes(name)) problems.push({ file, problem: `cites ${name}, which is outside the repository` });

    // docs/….md paths named anywhere, optionally with a cited section: docs/x.md, "Heading" (or “Heading”).
    const pathRe =
      /(?<![\w./-])(docs\/[\w./-]*?\.md)(#[\w-]+)?(?:,\s*(?:\/\/|\*|#)?\s*(?:"([^"]{1,160})"|“([^”]{1,160})”))?/g;
    for (const m of text.matchAll(pathRe)) {
      const [, target, anchor, quoted, curly] = m;
      if (!exists(target)) {
        problems.push({ file, problem: `names ${target}, which does not exist` });
        continue;
      }
      const h = headings(target);
      if (anchor && h && !h.anchors.has(anchor.slice(1)))
        problems.push({ file, problem: `links ${target}${anchor}, but ${target} has no such heading` });
      const section = quoted ?? curly;
      if (section && h && !h.texts.some((t) => normalise(t) === normalise(section)))
        problems.push({
          file,
          problem: `cites section "${normalise(section)}" of ${target}, which has no such heading`,
        });
    }

    if (!file.endsWith(".md")) continue;
    // Relative Markdown links: [text](target) and [text](target#anchor).
    for (const m of proseOf(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const link = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:, …
      const [target, anchor] = link.split("#", 2);
      const resolved = target
        ? target.startsWith("/")
          ? target.slice(1)
          : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(target)))
        : file;
      if (resolved.startsWith("..") || !exists(resolved)) {
        problems.push({ file, problem: `links ${link}, which does not exist` });
        continue;
      }
      if (anchor && resolved.endsWith(".md")) {
        const h = headings(resolved);
        if (h && !h.anchors.has(anchor))
          problems.push({ file, problem: `links ${link}, but there is no such heading` });
      }
    }
  }
  return problems;
}

describe("citations point inside the repository", () => {
  it("finds no reference to notes outside the repo and no broken link, path, anchor or cited section", () => {
    const files = repositoryFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain("docs/metrics.md");
    expect(citationProblems(files)).toEqual([]);
  });

  it("computes GitHub's anchors", () => {
    expect(slugOf("Customer satisfaction (CSAT)")).toBe("customer-satisfaction-csat");
    expect(slugOf("Weekly digest: significant changes")).toBe("weekly-digest-significant-changes");
    expect(slugOf("Scaling to PostgreSQL and several instances")).toBe("scaling-to-postgresql-and-several-instances");
    expect([...headingsOf("# A\n## B\n```\n# not a heading\n```\n## B\n").anchors]).toEqual(["a", "b", "b-1"]);
  });

  it("fails on each kind of broken citation", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "docs-links-"));
    fs.mkdirSync(path.join(dir, "docs"));
    fs.mkdirSync(path.join(dir, "lib"));
    fs.writeFileSync(path.join(dir, "docs/metrics.md"), "# Metrics\n\n## Net Promoter Score\n\ntext\n");
    const files: Record<string, string> = {
      "README.md":
        "[fine](docs/metrics.md#net-promoter-score) [gone](docs/nothing.md) [bad anchor](docs/metrics.md#csat)\n",
      "docs/other.md":
        "[up](../README.md) [same file](#missing) [outside](../../etc/passwd)\n```\n[example](not-checked.md)\n```\n",
      "lib/a.ts": `// (docs/metrics.md, "Net Promoter Score") fine; (docs/metrics.md, "CSAT") is not a section\n// see docs/missing.md\n`,
      "lib/b.ts": `// as ${OUTSIDE_NOTES[0]} says, and ${OUTSIDE_PATHS[0]}/x\n`,
    };
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    const problems = citationProblems([...Object.keys(files), "docs/metrics.md"], dir).map(
      (p) => `${p.file}: ${p.problem}`,
    );
    expect(problems).toEqual([
      "README.md: names docs/nothing.md, which does not exist",
      "README.md: links docs/metrics.md#csat, but docs/metrics.md has no such heading",
      "README.md: links docs/nothing.md, which does not exist",
      "README.md: links docs/metrics.md#csat, but there is no such heading",
      "docs/other.md: links #missing, but there is no such heading",
      "docs/other.md: links ../../etc/passwd, which does not exist",
      'lib/a.ts: cites section "csat" of docs/metrics.md, which has no such heading',
      "lib/a.ts: names docs/missing.md, which does not exist",
      `lib/b.ts: cites ${OUTSIDE_NOTES[0]}, which is outside the repository`,
      `lib/b.ts: cites ${OUTSIDE_PATHS[0]}, which is outside the repository`,
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
