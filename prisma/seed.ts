// Fills the database named by DATABASE_URL with the demo organization ("Northwind Telecom", slug "demo").
// Usage: npx tsx prisma/seed.ts [--force] [--scale=1] [--seed=20261123]
//   Seeds only an empty database (no organization yet) unless --force is given; --force still refuses to
//   create a second organization with the slug "demo".
// Relative imports on purpose: tsx does not resolve the "@/" alias.
import { createDb } from "../lib/db";
import { DEFAULT_DEMO_SEED, DEMO_USERS, generateDemoOrganization } from "../lib/demo/generate";

function numberOption(name: string, fallback: number): number {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  if (!arg) return fallback;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

async function main() {
  const force = process.argv.includes("--force");
  const scale = numberOption("scale", Number(process.env.DEMO_SCALE ?? 1));
  const seed = numberOption("seed", DEFAULT_DEMO_SEED);
  const { db, provider } = createDb();
  try {
    if (!force && (await db.organization.count()) > 0) {
      console.log("database already has data; skipping demo data");
      return;
    }
    console.log(`Generating demo data into ${provider} (scale ${scale}, seed ${seed})…`);
    const tty = process.stdout.isTTY;
    const result = await generateDemoOrganization(db, {
      seed,
      scale,
      onProgress: (msg) => {
        const counter = /(\d+)\/(\d+)$/.exec(msg);
        if (tty) process.stdout.write(`\r\x1b[K  ${msg}${counter && counter[1] !== counter[2] ? "" : "\n"}`);
        else if (!counter || counter[1] === counter[2]) console.log(`  ${msg}`);
      },
    });
    const total = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
    console.log(`Demo organization created: ${total.toLocaleString("en")} rows in ${(result.ms / 1000).toFixed(1)} s`);
    console.log(
      Object.entries(result.counts)
        .map(([k, n]) => `  ${k}: ${n}`)
        .join("\n"),
    );
    console.log("\nDemo logins (existing accounts keep their password):");
    for (const u of DEMO_USERS)
      console.log(`  ${u.role.padEnd(8)} ${u.email.padEnd(36)} ${u.password}${u.unit ? `  (unit ${u.unit})` : ""}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
