// Small helpers shared by the start, test and database scripts.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const bin = {
  prisma: path.join(root, "node_modules/prisma/build/index.js"),
  next: path.join(root, "node_modules/next/dist/bin/next"),
  vitest: path.join(root, "node_modules/vitest/vitest.mjs"),
  playwright: path.join(root, "node_modules/@playwright/test/cli.js"),
  tsx: path.join(root, "node_modules/tsx/dist/cli.mjs"),
  eslint: path.join(root, "node_modules/eslint/bin/eslint.js"),
  prettier: path.join(root, "node_modules/prettier/bin/prettier.cjs"),
  depcruise: path.join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"),
};

/** Runs a Node script with the same Node binary; resolves with the exit code (never rejects on failure). */
export function run(script, args, { env = {}, quiet = false, logFile } = {}) {
  return new Promise((resolve, reject) => {
    // logFile: the child's output is appended to that file (opened here, closed when the child exits), not to ours
    const log = logFile ? fs.openSync(logFile, "a") : undefined;
    // With a log file (a test job), bash's `times` appends the CPU that the script and everything it waited for used
    // (browsers, servers, workers): a line "cpu:", then the shell's own and its children's user and system times,
    // which the test summary adds up per job.
    const [cmd, argv] = logFile
      ? ["bash", ["-c", '"$@"; c=$?; echo "cpu:"; times; exit $c', "bash", process.execPath, script, ...args]]
      : [process.execPath, [script, ...args]];
    const child = spawn(cmd, argv, {
      cwd: root,
      stdio: log !== undefined ? ["ignore", log, log] : quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
        ...env,
      },
    });
    let out = "";
    child.stdout?.on("data", (d) => (out += d));
    child.stderr?.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (log !== undefined) fs.closeSync(log);
      resolve(quiet ? { code: code ?? 1, out } : (code ?? 1));
    });
  });
}

export async function must(script, args, opts) {
  const res = await run(script, args, opts);
  const code = typeof res === "number" ? res : res.code;
  if (code !== 0) {
    if (typeof res !== "number") process.stderr.write(res.out);
    throw new Error(`${path.basename(script)} ${args.join(" ")} exited with ${code}`);
  }
  return res;
}

export const migrateDeploy = (databaseUrl) =>
  must(bin.prisma, ["migrate", "deploy"], { env: { DATABASE_URL: databaseUrl }, quiet: true });
