// `npm run setup`: the first-run setup without a browser (containers, provisioning scripts). Creates the first
// admin and their organization exactly as the /setup page does (lib/setup/service.ts), only while the
// installation has no account. DATABASE_URL and NEXTAUTH_SECRET as for `npm start` (which runs this itself when
// RESONANCE_ADMIN_EMAIL and RESONANCE_ADMIN_PASSWORD are set and the database has no account).
//   --email <address>   or RESONANCE_ADMIN_EMAIL
//   --name <name>       or RESONANCE_ADMIN_NAME (default: the e-mail's local part)
//   --org <name>        or RESONANCE_ORG_NAME (default: "My organization")
//   --demo              also add the demo organization (its sample staff cannot sign in)
//   The password comes from RESONANCE_ADMIN_PASSWORD, never from the command line (it would be in the shell
//   history and the process list); without it, it is read from standard input.
import { createInterface } from "node:readline/promises";
import { ZodError } from "zod";
import { db } from "../lib/db";
import { AppError } from "../lib/errors";
import { completeSetup, setupOpen, setupSchema, setupToken } from "../lib/setup/service";

const value = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function readPassword(): Promise<string> {
  if (process.env.RESONANCE_ADMIN_PASSWORD) return process.env.RESONANCE_ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write("Password for the first admin: ");
  const line = (await rl[Symbol.asyncIterator]().next()).value ?? "";
  rl.close();
  return String(line).replace(/\r?\n$/, "");
}

async function main(): Promise<number> {
  if (!(await setupOpen())) {
    console.log("setup: this installation already has an account; nothing to do");
    return 0;
  }
  const email = value("--email") ?? process.env.RESONANCE_ADMIN_EMAIL ?? "";
  const parsed = setupSchema.safeParse({
    token: setupToken(),
    email,
    name: value("--name") ?? process.env.RESONANCE_ADMIN_NAME ?? email.split("@")[0],
    orgName: value("--org") ?? process.env.RESONANCE_ORG_NAME ?? "My organization",
    password: await readPassword(),
    demo: process.argv.includes("--demo"),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`setup: ${issue.path.join(".")}: ${issue.message}`);
    return 2;
  }
  const done = await completeSetup(parsed.data, {
    onProgress: (msg) => /\d+\/\d+$/.test(msg) || console.log(`  demo: ${msg}`),
  });
  console.log(
    `setup: created ${parsed.data.email} as admin of "${parsed.data.orgName}"${done.demoOrgId ? " and of the demo organization" : ""}`,
  );
  return 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error: unknown) => {
    console.error(`setup: ${error instanceof AppError || error instanceof ZodError ? error.message : error}`);
    // e.g. the password policy's verdict (lib/auth/password-policy.ts), which names the field
    if (error instanceof AppError)
      for (const p of error.invalidParams ?? []) console.error(`setup: ${p.name}: ${p.reason}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
