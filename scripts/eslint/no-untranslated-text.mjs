// ESLint rule "resonance/no-untranslated-text": in the files already converted to the message catalogues
// (eslint.config.mjs lists them, and the list grows as pages are converted), no English may be written into the
// markup. It reports
//   - JSX text with words in it:                     <h1>Customers</h1>
//   - string and template literals shown as JSX:     {open ? "Close" : "Menu"}, {`${n} found`}
//   - words in textual attributes:                   label="Name", aria-label="Main", placeholder="…", title=…
//   - a static metadata title:                       export const metadata = { title: "Cases" }
// and leaves alone what is not text: class names, hrefs, ids, keys given to t("…"), literals passed to any other
// call, and the product's fixed names (ALLOWED). It does not see text kept in data constants outside the markup
// (const ITEMS = [{ label: "Cases" }]): put such labels in the catalogue too. docs/i18n.md, "Tests".

const WORD = /[A-Za-z]{2,}/;
const ALLOWED = new Set(["Resonance", "NPS", "CSAT", "CES", "CX", "API", "CSV", "SSO", "SCIM", "ID", "OK", "R"]);
// Attributes whose value people read (or hear: aria-*); "…by" and "…id" attributes hold ids.
const TEXT_ATTRIBUTE =
  /(label|title|placeholder|^alt$|description|hint|text|message|legend|caption|heading|summary|confirm)/i;
const ID_ATTRIBUTE = /(by|id|Id|key|Key|name|Name|href|class|testid|type)$/;

function isText(value) {
  const s = value.trim();
  return WORD.test(s) && !ALLOWED.has(s);
}

function attributeName(node) {
  return node.name.type === "JSXNamespacedName" ? `${node.name.namespace.name}:${node.name.name.name}` : node.name.name;
}

function isTextAttribute(name) {
  return TEXT_ATTRIBUTE.test(name) && !ID_ATTRIBUTE.test(name);
}

/** Where a literal ends up: "child" (shown as JSX content), "attr" (a textual attribute), or null (not text). */
function destination(node) {
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    switch (p.type) {
      case "CallExpression":
      case "NewExpression":
        if (p.arguments.includes(child)) return null; // t("key"), cn("…"), new URL("…"), format(x, "—")
        break;
      case "TaggedTemplateExpression":
      case "MemberExpression":
      case "BinaryExpression": // x === "open"
      case "SwitchCase":
      case "ImportDeclaration":
      case "ExportNamedDeclaration":
      case "TSLiteralType":
        return null;
      case "Property":
        if (p.key === child) return null;
        break;
      case "JSXAttribute":
        return isTextAttribute(attributeName(p)) ? "attr" : null;
      case "JSXExpressionContainer":
        if (p.parent.type === "JSXElement" || p.parent.type === "JSXFragment") return "child";
        break;
      case "JSXElement":
      case "JSXFragment":
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        // A literal returned by a function or rendered deeper was judged at its own JSX container, if any.
        if (p.type === "ArrowFunctionExpression" && p.body === child && p.parent.type === "JSXExpressionContainer")
          break;
        return null;
      default:
        break;
    }
  }
  return null;
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "No untranslated text in files converted to the message catalogues (docs/i18n.md)." },
    messages: {
      jsxText: "Untranslated text “{{text}}”: put it in messages/<locale>/<area>.json and use t() (docs/i18n.md).",
      literal: "Untranslated text “{{text}}” shown in the page: use t() (docs/i18n.md).",
      metadata: "Static metadata title “{{text}}”: use generateMetadata with getTranslations (docs/i18n.md).",
    },
    schema: [],
  },
  create(context) {
    const report = (node, messageId, text) =>
      context.report({ node, messageId, data: { text: text.trim().replace(/\s+/g, " ").slice(0, 40) } });
    return {
      JSXText(node) {
        if (isText(node.value)) report(node, "jsxText", node.value);
      },
      Literal(node) {
        if (typeof node.value !== "string" || !isText(node.value)) return;
        if (node.parent.type === "JSXAttribute") {
          if (isTextAttribute(attributeName(node.parent))) report(node, "literal", node.value);
          return;
        }
        if (destination(node)) report(node, "literal", node.value);
      },
      TemplateLiteral(node) {
        const text = node.quasis.map((q) => q.value.cooked ?? "").join(" ");
        if (isText(text) && destination(node)) report(node, "literal", text);
      },
      "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.name='metadata'] > ObjectExpression > Property[key.name='title']"(
        node,
      ) {
        if (node.value.type === "Literal" && typeof node.value.value === "string" && isText(node.value.value))
          report(node.value, "metadata", node.value.value);
      },
    };
  },
};

export default rule;
