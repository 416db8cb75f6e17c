// Lint rules of this repository: Next's own rules (Core Web Vitals, TypeScript), stylistic rules left to
// Prettier, and the import boundaries that state the architecture (docs/architecture.md, "Import rules").
// `npm test` runs `eslint . --max-warnings 0`: a warning fails the run like an error.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import noUntranslatedText from "./scripts/eslint/no-untranslated-text.mjs";

// Modules that talk to the database: only lib/ (services) and the scripts/tests around it may import them.
const DATABASE = ["./lib/db.ts", "./lib/db-bulk.ts", "./lib/db-url.ts", "./lib/generated"];
const DATABASE_PACKAGES = ["@prisma/client", "@prisma/adapter-*", "pg", "better-sqlite3"];
// What pure maths must not reach for: the runtime, the network, files, the framework, the database.
const IO_PACKAGES = ["node:*", "fs", "path", "net", "http", "https", "child_process", "next", "next/*", "react"];

// Every page and component speaks the message catalogues (docs/i18n.md): no English written into the markup of any
// of them, a new file included. Tests render what they like.
const TRANSLATED = ["app/**/*.tsx", "components/**/*.tsx"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([
    ".next*/**",
    "lib/generated/**",
    "node_modules/**",
    "tmp/**",
    "test-results/**",
    "playwright-report/**",
    "public/**",
    "next-env.d.ts",
  ]),
  {
    name: "resonance/conventions",
    rules: {
      // `_name` marks a parameter or binding that is there for its position (server action signatures, rest omits).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          caughtErrors: "none",
          ignoreRestSiblings: true,
        },
      ],
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
      "@typescript-eslint/no-explicit-any": "error",
      // No runtime import cycles: .dependency-cruiser.mjs checks them (`npm run lint:cycles`), at a ninth of the cost.
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: ["./app", "./components"],
              from: DATABASE,
              message: "Pages, routes and components reach the database through a lib/ service, never directly.",
            },
            {
              target: "./lib",
              from: "./app",
              message: "lib/ is below app/: it never imports a page, route or action.",
            },
            { target: "./lib", from: "./components", message: "lib/ never imports a React component." },
            {
              target: "./components",
              from: "./app",
              except: ["./_actions"],
              message: "Components call server actions (app/_actions) but never import pages or routes.",
            },
            {
              target: "./lib/metrics",
              from: ".",
              except: ["./lib/metrics", "./node_modules"],
              message: "lib/metrics is pure maths: it imports only itself (and pure packages).",
            },
            {
              target: "./embed",
              from: ["./app", "./components", ...DATABASE],
              message: "The embed script runs on customers' sites: no app, component or database code.",
            },
          ],
        },
      ],
    },
  },
  {
    name: "resonance/no-database-above-lib",
    files: ["app/**", "components/**", "embed/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: DATABASE_PACKAGES, message: "Reach the database through a lib/ service." }] },
      ],
    },
  },
  {
    // Browser specs run in several workers, each against its own server: `test` must come from the helper whose
    // baseURL is the worker's server (tests/e2e/helpers/test.ts), never straight from Playwright.
    name: "resonance/e2e-worker-servers",
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              message: "Import test and expect from ./helpers/test (each worker has its own server and database).",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    name: "resonance/translated",
    files: TRANSLATED,
    ignores: ["**/*.test.tsx"],
    plugins: { resonance: { rules: { "no-untranslated-text": noUntranslatedText } } },
    rules: { "resonance/no-untranslated-text": "error" },
  },
  {
    name: "resonance/pure-metrics",
    files: ["lib/metrics/**"],
    ignores: ["lib/metrics/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...IO_PACKAGES, ...DATABASE_PACKAGES],
              message: "lib/metrics is pure: no I/O, framework or database.",
            },
          ],
        },
      ],
    },
  },
]);
