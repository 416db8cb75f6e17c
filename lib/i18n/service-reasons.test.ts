import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { messagesFor } from "./catalogues";
import { matchServiceReason, SERVICE_REASONS, translateServiceReason, type ServiceReasonT } from "./service-reasons";

// Every text a service in lib/** throws: the `reason` of an InvalidParam-shaped object literal ({ name, reason }),
// and the message of `new ConflictError(…)`, `new ValidationError(params, …)`, `new ForbiddenError(…)`, …,
// `new NotFoundError("Survey")` ("Survey not found."). A literal, a same-file `const` of one, either branch of a
// `?:`, or a template (matched with `${…}` as "anything"). Other expressions (a zod issue's message, a variable
// filled elsewhere) are not followed.
type Thrown = { at: string; text: string; template: boolean };
const root = path.resolve(__dirname, "../..");
const MESSAGE_ARG: Record<string, number> = {
  ValidationError: 1,
  ConflictError: 0,
  ForbiddenError: 0,
  UnauthorizedError: 0,
  TooManyRequestsError: 0,
  NotFoundError: 0,
  AppError: 2,
};

function libFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return rel === path.join("lib", "generated") ? [] : libFiles(rel);
    return /\.ts$/.test(e.name) && !/\.(test|d)\.ts$/.test(e.name) ? [rel] : [];
  });
}

function thrownTexts(): Thrown[] {
  const out: Thrown[] = [];
  for (const file of libFiles("lib")) {
    const sf = ts.createSourceFile(file, fs.readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, true);
    const initializersOf = (name: string): ts.Expression[] => {
      const found: ts.Expression[] = [];
      const look = (n: ts.Node) => {
        if (ts.isVariableDeclaration(n) && n.name.getText(sf) === name && n.initializer) found.push(n.initializer);
        ts.forEachChild(n, look);
      };
      look(sf);
      return found;
    };
    const initializerOf = (name: string): ts.Expression | undefined => initializersOf(name).at(-1);
    // The `reason` a shorthand `{ name, reason }` means: a const or a parameter's default in its own function.
    const reasonsInScope = (n: ts.Node): ts.Expression[] => {
      let scope: ts.Node = n;
      while (!ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
      const found: ts.Expression[] = [];
      const look = (m: ts.Node) => {
        if ((ts.isVariableDeclaration(m) || ts.isParameter(m)) && m.name.getText(sf) === "reason" && m.initializer)
          found.push(m.initializer);
        if (m === scope || !ts.isFunctionLike(m)) ts.forEachChild(m, look);
      };
      look(scope);
      return found;
    };
    const constOf = (name: string): string | undefined => {
      const init = initializerOf(name);
      return init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) ? init.text : undefined;
    };
    const collect = (n: ts.Expression, at: string, suffix = ""): void => {
      if (ts.isParenthesizedExpression(n)) return collect(n.expression, at, suffix);
      if (ts.isConditionalExpression(n)) {
        collect(n.whenTrue, at, suffix);
        return collect(n.whenFalse, at, suffix);
      }
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
        out.push({ at, text: n.text + suffix, template: false });
        return;
      }
      if (ts.isIdentifier(n)) {
        const value = constOf(n.text);
        if (value !== undefined) out.push({ at, text: value + suffix, template: false });
        return;
      }
      // TEXTS[kind]: every text of a same-file object literal (`const ISSUER_MESSAGES = { insecure: "…", … }`)
      if (ts.isElementAccessExpression(n) && ts.isIdentifier(n.expression)) {
        const table = initializerOf(n.expression.text);
        if (table && ts.isObjectLiteralExpression(table))
          for (const p of table.properties) if (ts.isPropertyAssignment(p)) collect(p.initializer, at, suffix);
        return;
      }
      if (ts.isTemplateExpression(n))
        out.push({
          at,
          text: [n.head.text, ...n.templateSpans.map((s) => "\u0000" + s.literal.text)].join("") + suffix,
          template: true,
        });
    };
    const visit = (n: ts.Node) => {
      const at = `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
      if (
        ts.isPropertyAssignment(n) &&
        n.name.getText(sf) === "reason" &&
        ts.isObjectLiteralExpression(n.parent) &&
        n.parent.properties.some((p) => p.name?.getText(sf) === "name")
      )
        collect(n.initializer, at);
      // { name, reason }: the text of a same-file `const reason = …` (a literal, either branch of `?:`, a template)
      if (
        ts.isShorthandPropertyAssignment(n) &&
        n.name.text === "reason" &&
        n.parent.properties.some((p) => p.name?.getText(sf) === "name")
      )
        for (const init of reasonsInScope(n)) collect(init, at);
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text in MESSAGE_ARG) {
        const arg = n.arguments?.[MESSAGE_ARG[n.expression.text]];
        if (arg) collect(arg, at, n.expression.text === "NotFoundError" ? " not found." : "");
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const translator = (locale: "en" | "de") =>
  createTranslator({ locale, messages: messagesFor(locale), namespace: "errors.service" }) as unknown as ServiceReasonT;

describe("service reasons (the English text a service throws is the message id)", () => {
  const thrown = thrownTexts();

  it("finds the services' texts (the scan works)", () => {
    expect(thrown.length).toBeGreaterThan(150);
    expect(thrown.filter((t) => t.template).length).toBeGreaterThan(20);
    expect(thrown.map((t) => t.text)).toContain("Choose a password different from the current one.");
    expect(thrown.map((t) => t.text)).toContain("Survey not found.");
  });

  it("has an entry for every text a service throws", () => {
    const missing = thrown.filter((t) => {
      if (!t.template) return !matchServiceReason(t.text);
      // a template: some entry's example is one of its texts
      const shape = new RegExp(`^${t.text.split("\u0000").map(escape).join(".*")}$`, "s");
      return !SERVICE_REASONS.some((r) => r.example !== undefined && shape.test(r.example));
    });
    expect(missing.map((t) => `${t.at} ${t.text.replaceAll("\u0000", "${…}")}`)).toEqual([]);
  });

  it("gives each entry an English message equal to the thrown text, and a German one that differs", () => {
    const en = translator("en");
    const de = translator("de");
    const keys = new Set<string>();
    for (const r of SERVICE_REASONS) {
      expect(keys.has(r.key), r.key).toBe(false);
      keys.add(r.key);
      const text = typeof r.en === "string" ? r.en : r.example!;
      if (r.en instanceof RegExp) expect(r.en.test(text), r.key).toBe(true);
      expect(matchServiceReason(text)?.key, text).toBe(r.key);
      expect(translateServiceReason(en, text), r.key).toBe(text);
      const german = translateServiceReason(de, text);
      expect(german, r.key).not.toBe(text);
      expect(german, r.key).not.toMatch(/⟦|errors\.service/);
    }
    // every catalogue message has its entry
    const leaves = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : leaves(v, `${prefix}${k}.`)));
    expect(leaves(messagesFor("en").errors.service).sort()).toEqual([...keys].sort());
  });

  it("words captured values for the language: numbers and plurals", () => {
    const de = translator("de");
    expect(translateServiceReason(de, "An organization has at most 5,000 units")).toBe(
      "Eine Organisation hat höchstens 5.000 Einheiten",
    );
    expect(translateServiceReason(de, "1 row of the file cannot be used; nothing was saved.")).toBe(
      "1 Zeile der Datei ist nicht verwendbar; nichts wurde gespeichert.",
    );
    expect(translateServiceReason(de, "Only a draft survey can be published; this one is closed.")).toBe(
      "Nur ein Entwurf kann veröffentlicht werden; diese Umfrage ist geschlossen.",
    );
    expect(translateServiceReason(de, "Something no service says")).toBe("Something no service says");
  });

  it("words the issuer problems single sign-on's settings show (ISSUER_MESSAGES, a table the scan follows)", () => {
    expect(thrown.filter((t) => t.at.startsWith("lib/sso/service.ts")).map((t) => t.text)).toContain(
      "Use an https:// issuer URL.",
    );
    expect(translateServiceReason(translator("de"), "Use an https:// issuer URL.")).toBe(
      "Verwenden Sie eine Issuer-URL mit https://.",
    );
  });
});

describe("zod's own English messages (a schema without its own), as pages show them in a problem's or a row's reason", () => {
  const messageOf = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error!.issues[0].message;
  const de = translator("de");
  it.each([
    [z.object({ name: z.string() }), {}, "Pflichtfeld"],
    [z.string().min(1), "", "Pflichtfeld"],
    [z.string().min(3), "ab", "Geben Sie mindestens 3 Zeichen ein"],
    [z.string().max(120), "x".repeat(121), "Geben Sie höchstens 120 Zeichen ein"],
    [z.number(), "7", "Geben Sie eine Zahl ein"],
    [z.number().min(1), 0, "Geben Sie 1 oder mehr ein"],
    [z.number().max(10000), 10001, "Geben Sie 10.000 oder weniger ein"],
    [z.number().min(0.5), 0, "Geben Sie 0,5 oder mehr ein"],
    [z.number().positive(), 0, "Geben Sie mehr als 0 ein"],
    [z.array(z.string()).min(1), [], "Mindestens ein Eintrag ist nötig"],
    [z.array(z.string()).max(2), ["a", "b", "c"], "Höchstens 2 Einträge"],
    [z.enum(["any", "all"]), "some", 'Wählen Sie eine der Möglichkeiten: "any"|"all"'],
    [z.literal("tags"), "x", 'Kein gültiger Wert: erwartet wird "tags"'],
    [z.string().email(), "x", "Keine gültige E-Mail-Adresse"],
    [z.string().url(), "x", "Keine gültige Adresse (URL)"],
    [z.string().regex(/^[a-z]+$/), "1", "Entspricht nicht dem Muster /^[a-z]+$/"],
    [
      z.discriminatedUnion("type", [z.object({ type: z.literal("a") }), z.object({ type: z.literal("b") })]),
      { type: "c" },
      "Keine gültige Art: erwartet wird 'a' | 'b'",
    ],
    [z.strictObject({}), { a: 1 }, 'Unbekannter Schlüssel: "a"'],
  ] as const)("%#: words zod's message in German", (schema, input, german) => {
    const english = messageOf(schema, input);
    expect(matchServiceReason(english)?.key, english).toMatch(/^zod\./);
    expect(translateServiceReason(translator("en"), english)).toBe(english);
    expect(translateServiceReason(de, english)).toBe(german);
  });
});
