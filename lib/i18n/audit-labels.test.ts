// The audit log names an event's data by its keys (lib/audit/describe.ts): every key the code
// records, and every field name it lists as changed, has a label in each language (settings.audit.fields). The keys
// are found the way the code writes them: each `recordAudit(…)` call's `data` in lib/ and app/, followed through
// object literals and their spreads, same-file variables, `Object.keys(input)` and `Object.fromEntries(…)`, and — for
// what a helper passes on (`auditAccountEvent`, `writeOrgSetting`, a local `audit(…)` closure) — to every caller's
// argument. What is left is read from its type; a type that does not tell its keys (`object`, a record, JSON) is a
// finding, so a new key cannot slip past unlabelled.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./config";
import { messagesFor } from "./catalogues";
import { describeData, type DetailWords } from "../audit/describe";

const root = path.resolve(import.meta.dirname, "../..");
/** The keys whose value lists names of changed fields: each name is shown with its label too. */
const FIELD_LISTS = new Set(["fields", "changed"]);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return rel === path.join("lib", "generated") ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

type Found = { keys: Map<string, string>; unknown: string[] };

function recordedKeys(): Found {
  const files = [...sources("lib"), ...sources("app")].map((f) => path.join(root, f));
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, host)!;
  const program = ts.createProgram(files, { ...config.options, incremental: false, noEmit: true });
  const checker = program.getTypeChecker();
  const ours = files.map((f) => program.getSourceFile(f)!).filter(Boolean);

  // Every call by its callee's name; a helper's callers are those whose callee is the helper's own symbol.
  const callsByName = new Map<string, ts.CallExpression[]>();
  for (const sf of ours) {
    const look = (n: ts.Node) => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
        const list = callsByName.get(n.expression.text) ?? [];
        list.push(n);
        callsByName.set(n.expression.text, list);
      }
      ts.forEachChild(n, look);
    };
    look(sf);
  }
  const symbolOf = (node: ts.Node): ts.Symbol | undefined => {
    const s = ts.isShorthandPropertyAssignment(node.parent)
      ? checker.getShorthandAssignmentValueSymbol(node.parent)
      : checker.getSymbolAtLocation(node);
    return s && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  };

  const keys = new Map<string, string>(); // key → where it was first found
  const unknown: string[] = [];
  const at = (n: ts.Node) => {
    const sf = n.getSourceFile();
    return `${path.relative(root, sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  };
  const add = (key: string, n: ts.Node) => {
    if (!keys.has(key)) keys.set(key, at(n));
  };
  const bare = (e: ts.Expression): ts.Expression => {
    while (
      ts.isParenthesizedExpression(e) ||
      ts.isAsExpression(e) ||
      ts.isSatisfiesExpression(e) ||
      ts.isNonNullExpression(e)
    )
      e = e.expression;
    return e;
  };
  const objectTypes = (type: ts.Type): ts.Type[] =>
    (type.isUnion() ? type.types : [type]).filter(
      (t) =>
        !(t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike)) &&
        !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) &&
        !checker.isArrayType(t) &&
        !checker.isTupleType(t),
    );

  /** The names a list of changed fields can hold: string literals of its type, or the keys it was made of. */
  function fieldNames(e: ts.Expression, seen = new Set<ts.Node>()): void {
    e = bare(e);
    if (seen.has(e)) return;
    seen.add(e);
    const type = checker.getTypeAtLocation(e);
    if (checker.isArrayType(type)) {
      const element = checker.getTypeArguments(type as ts.TypeReference)[0];
      const parts = element.isUnion() ? element.types : [element];
      if (parts.every((p) => p.isStringLiteral())) {
        for (const p of parts) add((p as ts.StringLiteralType).value, e);
        return;
      }
    }
    if (ts.isIdentifier(e)) {
      const decl = symbolOf(e)?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return fieldNames(decl.initializer, seen);
      if (decl && ts.isShorthandPropertyAssignment(decl)) return fieldNames(decl.name, seen);
    }
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
      const { expression: receiver, name } = e.expression;
      if (ts.isIdentifier(receiver) && receiver.text === "Object" && name.text === "keys")
        return typeKeys(checker.getTypeAtLocation(e.arguments[0]), e);
      if (["filter", "slice", "sort", "toSorted"].includes(name.text)) return fieldNames(receiver, seen);
    }
    unknown.push(`${at(e)}: which fields \`${e.getText()}\` lists`);
  }

  /** The keys of a type of recorded data; a type that does not name them is a finding. */
  function typeKeys(type: ts.Type, n: ts.Node): void {
    for (const t of objectTypes(type)) {
      const props = checker.getPropertiesOfType(t);
      if (props.length === 0 || checker.getIndexInfosOfType(t).length > 0) {
        unknown.push(`${at(n)}: the keys of \`${n.getText()}\` (${checker.typeToString(t)})`);
        continue;
      }
      for (const p of props) {
        add(p.name, n);
        if (!FIELD_LISTS.has(p.name)) continue;
        const list = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(p, n));
        const element = checker.isArrayType(list) ? checker.getTypeArguments(list as ts.TypeReference)[0] : undefined;
        const parts = element ? (element.isUnion() ? element.types : [element]) : [];
        if (parts.length && parts.every((x) => x.isStringLiteral()))
          for (const x of parts) add((x as ts.StringLiteralType).value, n);
        else unknown.push(`${at(n)}: which fields \`${n.getText()}\`.${p.name} lists`);
      }
    }
  }

  /** A parameter's value: each caller's argument (or the parameter's default where a caller leaves it out). */
  function parameterKeys(param: ts.ParameterDeclaration, seen: Set<ts.Node>): void {
    const fn = param.parent;
    const index = fn.parameters.indexOf(param);
    const nameNode =
      ts.isFunctionDeclaration(fn) && fn.name
        ? fn.name
        : ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)
          ? fn.parent.name
          : undefined;
    if (!nameNode) return void unknown.push(`${at(param)}: the callers of this function`);
    const fnSymbol = symbolOf(nameNode);
    const callers = (callsByName.get(nameNode.text) ?? []).filter((c) => symbolOf(c.expression) === fnSymbol);
    if (callers.length === 0) unknown.push(`${at(param)}: no caller of ${nameNode.text} found`);
    for (const call of callers) {
      const arg = call.arguments[index];
      if (arg) dataKeys(arg, seen);
      else if (param.initializer) dataKeys(param.initializer, seen);
    }
  }

  /** The keys of a recorded data expression. */
  function dataKeys(e: ts.Expression, seen = new Set<ts.Node>()): void {
    e = bare(e);
    if (seen.has(e)) return;
    seen.add(e);
    if (ts.isObjectLiteralExpression(e)) {
      for (const p of e.properties) {
        if (ts.isSpreadAssignment(p)) dataKeys(p.expression, seen);
        else if (
          (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
          !ts.isComputedPropertyName(p.name)
        ) {
          add(p.name.text, p);
          if (FIELD_LISTS.has(p.name.text)) fieldNames(ts.isPropertyAssignment(p) ? p.initializer : p.name);
        } else unknown.push(`${at(p)}: the key of \`${p.getText()}\``);
      }
      return;
    }
    if (ts.isConditionalExpression(e)) {
      dataKeys(e.whenTrue, seen);
      return dataKeys(e.whenFalse, seen);
    }
    if (ts.isIdentifier(e)) {
      const decl = symbolOf(e)?.valueDeclaration;
      if (decl && ts.isParameter(decl)) return parameterKeys(decl, seen);
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.isIdentifier(decl.name))
        return dataKeys(decl.initializer, seen);
    }
    // Object.fromEntries(changed.map((k) => [k, …])): one key per changed field
    if (
      ts.isCallExpression(e) &&
      ts.isPropertyAccessExpression(e.expression) &&
      e.expression.getText() === "Object.fromEntries"
    ) {
      const list = bare(e.arguments[0]);
      if (
        ts.isCallExpression(list) &&
        ts.isPropertyAccessExpression(list.expression) &&
        list.expression.name.text === "map"
      )
        return fieldNames(list.expression.expression);
    }
    typeKeys(checker.getTypeAtLocation(e), e);
  }

  for (const call of callsByName.get("recordAudit") ?? []) {
    const event = call.arguments[1] && bare(call.arguments[1]);
    if (!event || !ts.isObjectLiteralExpression(event)) {
      unknown.push(`${at(call)}: the event of this recordAudit`);
      continue;
    }
    for (const p of event.properties) {
      if (ts.isPropertyAssignment(p) && p.name.getText() === "data") dataKeys(p.initializer);
      if (ts.isShorthandPropertyAssignment(p) && p.name.text === "data") dataKeys(p.name);
    }
  }
  return { keys, unknown };
}

const german: DetailWords = {
  details: "Details",
  change: "Änderung",
  none: "keine",
  yes: "ja",
  no: "nein",
  labels: messagesFor("de").settings.audit.fields,
};

describe("the audit log's labels of recorded data (settings.audit.fields)", () => {
  const found = recordedKeys();

  it("finds every key the code records (the scan works and follows each data to its keys)", () => {
    expect(found.unknown).toEqual([]);
    expect(found.keys.size).toBeGreaterThan(100);
    const keys = [...found.keys.keys()];
    expect(keys).toContain("role"); // object literals
    expect(keys).toContain("responsesAnonymised"); // a spread of a typed result (erasure)
    expect(keys).toContain("sessionsEnded"); // auditAccountEvent's callers
    expect(keys).toContain("weekday"); // writeOrgSetting's value, the audit data by default
    expect(keys).toContain("via"); // applyGroupRoles' callers, spread into the data
    expect(keys).toContain("kept"); // a local audit(…) closure's caller
    expect(keys).toContain("kind"); // Object.fromEntries(changed.map(…)) of a unit's changed fields
    expect(keys).toContain("rotateSecret"); // a list of changed fields: Object.keys(input) of a webhook's update
    expect(keys).toContain("phrases"); // a list of changed fields by its type (a theme's update)
  });

  for (const locale of LOCALES)
    it(`${locale}: labels every recorded key and changed field`, () => {
      const labels: Record<string, string> = messagesFor(locale).settings.audit.fields;
      const missing = [...found.keys].filter(([key]) => !Object.hasOwn(labels, key)).map(([k, at]) => `${k} (${at})`);
      expect(missing).toEqual([]);
    });

  it("describes data in German: labels, changed fields, a change, and an unknown key in its own words", () => {
    expect(
      describeData(
        { role: "agent", fields: ["name", "description", "legacyField"], from: "open", to: "resolved" },
        german,
      ),
    ).toEqual([
      { label: "Änderung", value: "open → resolved" },
      { label: "Rolle", value: "agent" },
      { label: "Geändert", value: "Name, Beschreibung, Legacy field" },
    ]);
    // an older event's key no longer recorded (so not labelled): its own words
    expect(describeData({ responsesPurged: 3 }, german)).toEqual([{ label: "Responses purged", value: "3" }]);
    // a key that is a property of every object is still a key without a label
    expect(describeData({ constructor: 1 }, german)).toEqual([{ label: "Constructor", value: "1" }]);
  });

  it("shows a lone from or to, a {from, to} value as a change, true and false as words, filters by their parameter names", () => {
    expect(describeData({ to: "new@example.com" }, german)).toEqual([{ label: "An", value: "new@example.com" }]);
    expect(describeData({ scope: { from: "Organisation", to: "Nord" }, userId: "u1" }, german)).toEqual([
      { label: "Bereich", value: "Organisation → Nord" },
      { label: "Benutzer-ID", value: "u1" },
    ]);
    expect(describeData({ filters: { action: "customer.erased" }, changed: [] }, german)).toEqual([
      { label: "Filter", value: "action = customer.erased" },
      { label: "Geändert", value: "keine" },
    ]);
    expect(describeData({ enabled: true, emailed: false }, german)).toEqual([
      { label: "Aktiviert", value: "ja" },
      { label: "Per E-Mail gesendet", value: "nein" },
    ]);
    expect(describeData(["a", "b"], german)).toEqual([{ label: "Details", value: "a, b" }]);
    expect(describeData(null, german)).toEqual([]);
  });
});
