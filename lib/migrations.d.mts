// Types of lib/migrations.mjs.
export type MigrationsProvider = "sqlite" | "postgresql";
export function migrationsFolder(root: string, provider: MigrationsProvider): string;
export function committedMigrations(root: string, provider: MigrationsProvider): string[];
