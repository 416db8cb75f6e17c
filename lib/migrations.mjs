// The migrations this version ships, one place for everything that lists them: `npm start` / `npm run db:migrate`
// (scripts/migrate.mjs), the server's schema check (lib/schema-status.ts), backup and restore and the upgrade tests.
// Plain JavaScript so that the Node scripts, which run without a TypeScript loader, share it with the app. Read at
// run time from the installation (never traced into the build output).
import fs from "node:fs";
import path from "node:path";

/** The folder of the committed migrations of a database kind. */
export function migrationsFolder(root, provider) {
  return path.join(
    /*turbopackIgnore: true*/ root,
    provider === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations",
  );
}

/** Names of the committed migrations of a database kind, oldest first. */
export function committedMigrations(root, provider) {
  return fs
    .readdirSync(migrationsFolder(root, provider), { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d{14}_/.test(e.name))
    .map((e) => e.name)
    .sort();
}
