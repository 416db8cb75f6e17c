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

// Files converted to the message catalogues (docs/i18n.md): no English written into their markup. Add a file or
// folder here when its pages speak every language; what is not listed is the remaining work.
const TRANSLATED = [
  // the shell
  "app/layout.tsx",
  "app/not-found.tsx",
  "app/(app)/layout.tsx",
  "app/(app)/not-found.tsx",
  "app/(app)/error.tsx",
  "app/(app)/forbidden.tsx",
  "components/shell/**/*.tsx",
  "components/i18n/**/*.tsx",
  "components/ui/pagination.tsx",
  "components/ui/copy-button.tsx",
  "components/ui/filter-panel.tsx",
  // account
  "app/(app)/account/**/*.tsx",
  "components/account/account-forms.tsx",
  "components/account/language-form.tsx",
  "components/account/sessions-section.tsx",
  // customers: the list and the customer 360
  "app/(app)/customers/page.tsx",
  "app/(app)/customers/[[]id]/**/*.tsx",
  "components/customers/add-customer-form.tsx",
  "components/customers/consent-badge.tsx",
  "components/customers/contact-link.tsx",
  "components/customers/customer-combobox.tsx",
  "components/customers/home-unit.tsx",
  "components/customers/privacy-forms.tsx",
  "components/customers/privacy-section.tsx",
  "components/customers/timeline.tsx",
  "components/interactions/labels.tsx",
  "components/import/csv-links.tsx",
  // interactions: the list and the log form
  "app/(app)/interactions/**/*.tsx",
  "components/interactions/interaction-fields.tsx",
  "components/interactions/interaction-filters.tsx",
  "components/interactions/log-interaction-form.tsx",
  "components/interactions/pending-interactions.tsx",
  // cases: the list and the case page
  "app/(app)/cases/**/*.tsx",
  "components/cases/case-filters.tsx",
  "components/cases/case-history.tsx",
  "components/cases/case-labels.tsx",
  "components/cases/case-trigger.tsx",
  "components/cases/case-work-form.tsx",
  // signed-out pages
  "app/(auth)/login/**/*.tsx",
  "app/(auth)/forgot-password/**/*.tsx",
  "app/(auth)/reset-password/**/*.tsx",
  "app/(auth)/invite/**/*.tsx",
  "app/(auth)/account/**/*.tsx",
  "components/auth/auth-card.tsx",
  "components/auth/auth-notice.tsx",
  "components/auth/login-form.tsx",
  "components/auth/sso-login-form.tsx",
  "components/auth/password-reset-forms.tsx",
  "components/auth/new-password-input.tsx",
  "components/auth/new-account-form.tsx",
  // dashboard (i18na; themes-card.tsx is with text analytics below)
  "app/(app)/page.tsx",
  "components/dashboard/bar-charts.tsx",
  "components/dashboard/by-unit-card.tsx",
  "components/dashboard/change-marker.tsx",
  "components/dashboard/chart-card.tsx",
  "components/dashboard/compare-panel.tsx",
  "components/dashboard/filter-bar.tsx",
  "components/dashboard/get-form.tsx",
  "components/dashboard/headline-tiles.tsx",
  "components/dashboard/invitation-rate.tsx",
  "components/dashboard/metric-tile.tsx",
  "components/dashboard/nps-split-bar.tsx",
  "components/dashboard/replica-notice.tsx",
  "components/dashboard/summary-counts.tsx",
  "components/dashboard/trend-chart.tsx",
  "components/dashboard/trend-section.tsx",
  "components/dashboard/trend-tables.tsx",
  // first run, welcome, the QR page of a touchpoint (i18na)
  "app/welcome/**/*.tsx",
  "app/(auth)/setup/**/*.tsx",
  "components/auth/setup-form.tsx",
  "app/(app)/touchpoints/**/*.tsx",
  "components/reports/print-button.tsx",
  // journeys: the list (i18na; not the journey map, components/journeys/*)
  "app/(app)/journeys/page.tsx",
  "components/journey-editor/new-journey-form.tsx",
  // journeys: the journey map with its service blueprint, the tabs, the unit picker's words (i18ne)
  "app/(app)/journeys/[[]id]/page.tsx",
  "components/journeys/*.tsx",
  "app/(app)/journeys/[[]id]/paths/**/*.tsx",
  "components/journey-paths/*.tsx",
  "app/(app)/journeys/[[]id]/edit/**/*.tsx",
  "components/journey-editor/*.tsx",
  // reports: units compared (i18na)
  "app/(app)/reports/units/**/*.tsx",
  "components/reports/unit-league-table.tsx",
  // reports: CEM maturity (i18na)
  "app/(app)/reports/maturity/**/*.tsx",
  "components/maturity/*.tsx",
  // two-factor enrolment and the API reference (i18nb)
  "app/account/two-factor/**/*.tsx",
  "components/account/enrolment.tsx",
  "components/account/two-factor-forms.tsx",
  "components/account/recovery-codes.tsx",
  "app/docs/api/**/*.tsx",
  // surveys (i18nb)
  "app/(app)/surveys/page.tsx",
  "app/(app)/surveys/responses/**/*.tsx",
  "components/responses/**/*.tsx",
  "app/(app)/surveys/campaigns/page.tsx",
  "components/campaigns/campaign-controls.tsx",
  "components/campaigns/campaign-form.tsx",
  "components/campaigns/campaign-labels.tsx",
  "components/campaigns/sms-setup-note.tsx",
  "components/sending/sending-fields.tsx",
  "app/(app)/surveys/triggers/page.tsx",
  "components/campaigns/funnel-columns.tsx",
  "components/triggers/**/*.tsx",
  "app/(app)/surveys/new/**/*.tsx",
  "components/survey-builder/new-survey-form.tsx",
  "components/survey-builder/touchpoint-select.tsx",
  "components/survey-builder/language-picker.tsx",
  // settings: the main page's frame, profile, organizations and two-factor policy (i18nc; the other sections and
  // sub-pages are not yet converted)
  "app/(app)/settings/page.tsx",
  "components/settings/settings-nav.tsx",
  "components/settings/profile-section.tsx",
  "components/settings/create-org-form.tsx",
  "components/settings/two-factor-policy-section.tsx",
  // the survey editor (i18nd)
  "app/(app)/surveys/[[]id]/**/*.tsx",
  "components/survey-builder/*.tsx",
  // a campaign's page and the response-rate sections of a campaign's and a trigger's page (i18nd)
  "app/(app)/surveys/campaigns/[[]id]/**/*.tsx",
  "app/(app)/surveys/triggers/[[]id]/**/*.tsx",
  "components/campaigns/rate-sections.tsx",
  "components/campaigns/campaign-rates.tsx",
  "components/campaigns/campaign-funnel.tsx",
  "components/campaigns/suppression-table.tsx",
  // a case's survey invitations and re-survey result (i18nd)
  "components/cases/case-invitations.tsx",
  "components/cases/resurvey-result.tsx",
  // settings: the sections members and invites, API keys, weekly digest, data retention, case rules, contact rules
  // (i18ng)
  "components/settings/members-section.tsx",
  "components/settings/invite-form.tsx",
  "components/settings/member-reset-form.tsx",
  "components/settings/api-keys-section.tsx",
  "components/settings/api-key-form.tsx",
  "components/settings/token-table.tsx",
  "components/settings/secret-form.tsx",
  "components/settings/scope-select.tsx",
  "components/settings/digest-section.tsx",
  "components/settings/retention-section.tsx",
  "components/settings/case-rules-section.tsx",
  "components/settings/contact-rules-section.tsx",
  "components/ui/one-time-secret.tsx",
  "components/import/radio-group.tsx",
  // settings sub-pages: webhooks, customer identity, SCIM (i18ng)
  "app/(app)/settings/webhooks/**/*.tsx",
  "app/(app)/settings/customer-identity/**/*.tsx",
  "app/(app)/settings/scim/**/*.tsx",
  "components/settings/webhooks/*.tsx",
  "components/settings/customer-identity/*.tsx",
  "components/settings/scim/*.tsx",
  // settings sub-pages: single sign-on, audit log (i18ng)
  "app/(app)/settings/sso/**/*.tsx",
  "app/(app)/settings/audit/**/*.tsx",
  "components/settings/sso-form.tsx",
  "components/settings/sso-domains.tsx",
  "components/settings/audit-log.tsx",
  // settings: units (i18ng; the progress bar, components/ui/job-progress.tsx, is below)
  "app/(app)/settings/units/**/*.tsx",
  "components/units/*.tsx",
  // reports: the overview, gaps, drivers, digest; text analytics (i18nf)
  "app/(app)/reports/page.tsx",
  "components/reports/metric-tables.tsx",
  "app/(app)/reports/gaps/**/*.tsx",
  "components/reports/gap-chart.tsx",
  "components/reports/gap-table.tsx",
  "components/reports/servqual-heatmap.tsx",
  "components/reports/touchpoint-name.tsx",
  "app/(app)/reports/drivers/**/*.tsx",
  "components/drivers/*.tsx",
  "app/(app)/reports/digest/**/*.tsx",
  "components/reports/digest-changes.tsx",
  "components/reports/digest-theme-changes.tsx",
  "components/text-analytics/*.tsx",
  "components/dashboard/themes-card.tsx",
  "app/(app)/settings/text-analytics/**/*.tsx",
  // settings: audiences; customer import (all its kinds); the progress bar of long jobs (i18nh)
  "app/(app)/settings/audiences/**/*.tsx",
  "components/audiences/*.tsx",
  "app/(app)/customers/import/**/*.tsx",
  "components/import/*.tsx",
  "components/ui/job-progress.tsx",
];

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
