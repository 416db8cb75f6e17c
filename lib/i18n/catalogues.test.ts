// The catalogues agree: every language has exactly the English keys, no empty text, the same placeholders and
// tags, and every message is valid ICU that formats. docs/i18n.md, "Tests".
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { LOCALES } from "./config";
import { messagesFor } from "./catalogues";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

/** Argument names ({name}, {count, plural, …}) and rich-text tags (<b>…</b>) of an ICU message, sorted. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  // Reads a message from i to its closing "}" (or the end): text, {arguments} and, inside plural/select, branches.
  function readMessage(i: number): number {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") i = readArgument(i + 1);
      else i++;
    }
    return i;
  }
  function readArgument(i: number): number {
    const head = /^\s*([A-Za-z_]\w*)\s*(?:,\s*(\w+)\s*)?/.exec(message.slice(i));
    if (!head) return readMessage(i) + 1;
    found.add(`{${head[1]}}`);
    i += head[0].length;
    if (head[2] && /^(plural|select|selectordinal)$/.test(head[2])) {
      // branches: "=0 {…} one {…} other {…}"
      while (i < message.length && message[i] !== "}") {
        if (message[i] === "{") i = readMessage(i + 1) + 1;
        else i++;
      }
      return i + 1;
    }
    let depth = 1; // a simple argument or a number/date with a style: skip to its end
    while (i < message.length && depth > 0) {
      if (message[i] === "{") depth++;
      else if (message[i] === "}") depth--;
      i++;
    }
    return i;
  }
  readMessage(0);
  for (const m of message.matchAll(/<([A-Za-z]\w*)>/g)) found.add(`<${m[1]}>`);
  return [...found].sort();
}

// Values that are rightly the same in English and German (names, abbreviations).
const SAME_IN_BOTH =
  /^(Resonance|NPS|CSAT|CES|E-Mail|Name|Status|Start|Team|Admin|Manager|Agent|Details|Export|Import|OK|[^A-Za-z]*|\{[^}]*\}.*)$/;

const en = leaves(messagesFor("en") as unknown as Tree);

describe("message catalogues", () => {
  it("has English messages to compare with", () => {
    expect(en.size).toBeGreaterThan(0);
  });

  for (const locale of LOCALES) {
    const messages = leaves(messagesFor(locale) as unknown as Tree);

    it(`${locale}: the same keys as English`, () => {
      expect(
        [...messages.keys()].filter((k) => !en.has(k)),
        "keys English lacks",
      ).toEqual([]);
      expect(
        [...en.keys()].filter((k) => !messages.has(k)),
        "keys missing",
      ).toEqual([]);
    });

    it(`${locale}: no empty message`, () => {
      expect([...messages].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
    });

    it(`${locale}: the same placeholders and tags as English`, () => {
      const differ = [...messages]
        .filter(([k, v]) => en.has(k) && placeholders(v).join() !== placeholders(en.get(k)!).join())
        .map(([k, v]) => `${k}: ${placeholders(v).join()} vs ${placeholders(en.get(k)!).join()}`);
      expect(differ).toEqual([]);
    });

    it(`${locale}: every message is valid ICU and formats`, () => {
      const errors: string[] = [];
      const t = createTranslator({
        locale,
        messages: messagesFor(locale),
        timeZone: "UTC",
        onError: (e) => errors.push(e.message),
      });
      const format = t.markup as unknown as (key: string, values: Record<string, unknown>) => string;
      for (const [key, value] of messages) {
        const values: Record<string, unknown> = {};
        for (const p of placeholders(value)) {
          if (p.startsWith("<")) values[p.slice(1, -1)] = (chunks: string) => chunks;
          else values[p.slice(1, -1)] = 2;
        }
        const out = format(key, values);
        if (out.includes("\u27e6") || out === key) errors.push(`${key}: not formatted`);
      }
      expect(errors).toEqual([]);
    });

    if (locale !== "en")
      it(`${locale}: translated, not copied (text equal to the English is only names and abbreviations)`, () => {
        const copied = [...messages]
          .filter(([k, v]) => en.get(k) === v && !SAME_IN_BOTH.test(v) && /[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(v))
          .map(([k]) => k);
        expect(copied).toEqual([]);
      });
  }

  it("finds placeholders and tags the way the comparison needs", () => {
    expect(placeholders("{count, plural, one {# case} other {# cases}} for {name}")).toEqual(["{count}", "{name}"]);
    expect(placeholders("Signed in as <b>{email}</b>")).toEqual(["<b>", "{email}"]);
    expect(placeholders("No placeholders")).toEqual([]);
    expect(placeholders("{n, plural, =0 {none} other {# of {total}}}")).toEqual(["{n}", "{total}"]);
    expect(placeholders("{role, select, viewer {a <b>viewer</b>} other {an <b>admin</b>}}")).toEqual(["<b>", "{role}"]);
  });
});
