// Builds tests/upgrade/oldest.json: an installation as it was at the OLDEST schema Resonance upgrades from (the
// first migration of each folder, 20261123…_init), filled with a small but realistic data set, for the upgrade test
// (tests/integration/upgrade-from-oldest.test.ts) that migrates it to the current schema on both databases.
//   npx tsx scripts/build-upgrade-fixture.ts      (run again only to move the oldest supported schema forward)
//
// How: a scratch SQLite database gets only those migrations (the real `prisma migrate deploy`); two organizations
// of demo data (lib/demo/build.ts: customers, journeys, stages, touchpoints, channels, surveys, questions,
// responses with comments and answers, interactions, cases) plus users, memberships, invites, API keys and audit
// events are written into it, each row keeping only the columns that schema had; then every table is read back
// and written as JSON. JSON rows rather than a .db file: the same file loads into SQLite and PostgreSQL (dates as
// ISO text, booleans, JSON values), it diffs in review, and it is ~1 MB. With DATABASE_URL_POSTGRES set it is also
// loaded into a scratch PostgreSQL database at the same schema and read back, which must give the same rows.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { sha256 } from "../lib/auth/tokens";
import { hashPassword } from "../lib/auth/password";
import { buildDemoRows, type DemoUserIds } from "../lib/demo/build";
import { createRng, hashString } from "../lib/metrics/random";
import {
  columns,
  createAtMigrations,
  loadRows,
  committed,
  open,
  readTable,
  root,
  stableJson,
  tables,
  type Column,
  type TableRows,
  type Value,
} from "./sql-rows";

export const FIXTURE = path.join(root, "tests/upgrade/oldest.json");
/** How many of the first migrations make "the oldest schema we upgrade from". */
const OLDEST_COUNT = 1;
/** The fixture's "today": the day of the first migration, so its data is what an installation of that day held. */
const NOW = new Date("2026-11-23T16:00:00.000Z");
/** An API key the test reads the figures with, over HTTP, once the database is upgraded. */
export const FIXTURE_API_KEY = "rsn_upgrade001_fixtureKeyReadsTheFiguresAfterUpgrade";

type Row = Record<string, unknown>;

async function generate(): Promise<Map<string, Row[]>> {
  const rng = createRng(hashString("upgrade-fixture"));
  const newId = () => rng.id();
  const out = new Map<string, Row[]>();
  const add = (table: string, rows: Row[]) => out.set(table, [...(out.get(table) ?? []), ...rows]);
  const passwordHash = await hashPassword("resonance-demo");
  const orgs = [
    { name: "Northwind Telecom", slug: "demo", seed: 20261123, scale: 0.02, domain: "demo.resonance.test" },
    { name: "Harbour Bank", slug: "harbour", seed: 7, scale: 0.008, domain: "harbour.example" },
  ];
  for (const [o, org] of orgs.entries()) {
    const orgId = newId();
    const createdAt = new Date(NOW.getTime() - 600 * 86_400_000);
    add("Organization", [
      {
        id: orgId,
        name: org.name,
        slug: org.slug,
        settings: { timeZone: "Europe/London", defaultLocale: "en" },
        createdAt,
        updatedAt: createdAt,
      },
    ]);
    const roles = ["admin", "manager", "agent", "agent2", "viewer"] as const;
    const users = {} as DemoUserIds;
    for (const role of roles) {
      const id = newId();
      users[role] = id;
      add("User", [
        {
          id,
          email: `${role}@${org.domain}`,
          name: `${role[0].toUpperCase()}${role.slice(1)} of ${org.name}`,
          passwordHash,
          createdAt,
          updatedAt: createdAt,
        },
      ]);
      add("Membership", [{ id: newId(), orgId, userId: id, role: role === "agent2" ? "agent" : role, createdAt }]);
    }
    const rows = buildDemoRows({
      seed: org.seed,
      scale: org.scale,
      now: NOW,
      orgId,
      users,
      newId,
      newPublicId: () => rng.token(12),
      newClientId: () => rng.token(32),
    });
    add("Channel", rows.channels);
    add("Journey", rows.journeys);
    add("Stage", rows.stages);
    add("Touchpoint", rows.touchpoints);
    add("Customer", rows.customers);
    add("CustomerTag", rows.customerTags);
    add("Survey", rows.surveys);
    add("SurveyQuestion", rows.questions);
    add("Interaction", rows.interactions);
    add("Response", rows.responses);
    add("Answer", rows.answers);
    add("Case", rows.cases);
    const keyAt = new Date(NOW.getTime() - 30 * 86_400_000);
    const key = o === 0 ? FIXTURE_API_KEY : `rsn_harbour001_${rng.token(32)}`;
    const keyId = newId();
    const revokedId = newId();
    add("ApiKey", [
      {
        id: keyId,
        orgId,
        name: "BI export",
        prefix: key.split("_")[1],
        keyHash: sha256(key),
        role: "viewer",
        createdById: users.admin,
        createdAt: keyAt,
        lastUsedAt: keyAt,
      },
      {
        id: revokedId,
        orgId,
        name: "Old CRM sync",
        prefix: `old${o}${rng.token(6)}`.slice(0, 10),
        keyHash: sha256(rng.token(40)),
        role: "agent",
        createdById: users.manager,
        createdAt: createdAt,
        revokedAt: keyAt,
      },
    ]);
    add("Invite", [
      {
        id: newId(),
        orgId,
        email: `new.analyst@${org.domain}`,
        role: "viewer",
        tokenHash: sha256(rng.token(32)),
        invitedById: users.admin,
        expiresAt: new Date(NOW.getTime() + 7 * 86_400_000),
        createdAt: keyAt,
      },
    ]);
    const caseRow = rows.cases[0];
    add("AuditEvent", [
      {
        id: newId(),
        orgId,
        actorId: users.admin,
        action: "api_key.created",
        entityType: "ApiKey",
        entityId: keyId,
        data: { name: "BI export", role: "viewer" },
        createdAt: keyAt,
      },
      {
        id: newId(),
        orgId,
        actorId: users.admin,
        action: "api_key.revoked",
        entityType: "ApiKey",
        entityId: revokedId,
        createdAt: keyAt,
      },
      ...(caseRow
        ? [
            {
              id: newId(),
              orgId,
              actorId: users.manager,
              action: "case.updated",
              entityType: "Case",
              entityId: caseRow.id,
              data: { status: caseRow.status },
              createdAt: NOW,
            },
          ]
        : []),
    ]);
  }
  return out;
}

function canonicalInput(v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  return v as Value;
}

/** A generated row as the old table stores it: its columns only, timestamps filled as Prisma would. */
function project(cols: Column[], row: Row): Value[] {
  return cols.map((c) => {
    const v = row[c.name];
    if (v === undefined && c.name === "updatedAt") return canonicalInput(row.createdAt ?? NOW);
    if (v === undefined && c.name === "createdAt") return NOW.toISOString();
    return canonicalInput(v);
  });
}

/** Each row on its own line: reviewable diffs when the fixture is rebuilt. */
function write(fixture: Record<string, unknown>, data: TableRows[]) {
  const head = JSON.stringify(fixture, null, 2).replace(/\n}$/, "");
  const body = data
    .map(
      (t) =>
        `    {\n      "name": ${JSON.stringify(t.name)},\n      "columns": ${JSON.stringify(t.columns)},\n      "rows": [\n` +
        t.rows.map((r) => `        ${JSON.stringify(r)}`).join(",\n") +
        `\n      ]\n    }`,
    )
    .join(",\n");
  fs.writeFileSync(FIXTURE, `${head},\n  "tables": [\n${body}\n  ]\n}\n`);
}

async function main() {
  const migrations = {
    sqlite: committed("sqlite").slice(0, OLDEST_COUNT),
    postgresql: committed("postgresql").slice(0, OLDEST_COUNT),
  };
  const scratch = path.join(root, "tmp/upgrade-fixture.db");
  fs.mkdirSync(path.dirname(scratch), { recursive: true });
  for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) fs.rmSync(f, { force: true });
  const url = `file:${scratch}`;
  createAtMigrations(url, migrations.sqlite);

  const generated = await generate();
  const c = await open(url);
  let data: TableRows[];
  try {
    const order = await tables(c);
    const unknown = [...generated.keys()].filter((t) => !order.includes(t));
    if (unknown.length) throw new Error(`no such tables at the oldest schema: ${unknown.join(", ")}`);
    const input: TableRows[] = [];
    for (const t of order) {
      const cols = await columns(c, t);
      input.push({ name: t, columns: cols, rows: (generated.get(t) ?? []).map((r) => project(cols, r)) });
    }
    await loadRows(c, input);
    data = [];
    for (const t of order) data.push(await readTable(c, t));
  } finally {
    await c.close();
  }

  const admin = process.env.DATABASE_URL_POSTGRES;
  if (admin) {
    const name = `resonance_fixture_${process.pid}`;
    const a = new pg.Client({ connectionString: admin });
    await a.connect();
    await a.query(`CREATE DATABASE ${name}`);
    try {
      const u = new URL(admin);
      u.pathname = `/${name}`;
      createAtMigrations(u.toString(), migrations.postgresql);
      const p = await open(u.toString());
      try {
        await loadRows(p, data);
        for (const t of data) {
          const back = await readTable(p, t.name, t.columns);
          if (stableJson(back.rows) !== stableJson(t.rows))
            throw new Error(`PostgreSQL reads ${t.name} back differently`);
        }
      } finally {
        await p.close();
      }
      console.log("loaded into PostgreSQL at the same schema: every table reads back identical");
    } finally {
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    }
  }

  write(
    {
      format: 1,
      about:
        "An installation at the oldest schema Resonance upgrades from, with demo data. Built by scripts/build-upgrade-fixture.ts; read by tests/integration/upgrade-from-oldest.test.ts.",
      now: NOW.toISOString(),
      migrations,
      apiKey: FIXTURE_API_KEY,
    },
    data,
  );
  const total = data.reduce((s, t) => s + t.rows.length, 0);
  console.log(
    `wrote ${path.relative(root, FIXTURE)}: ${total} rows, ${(fs.statSync(FIXTURE).size / 1e6).toFixed(2)} MB\n` +
      data.map((t) => `  ${t.name}: ${t.rows.length}`).join("\n"),
  );
}

await main();
