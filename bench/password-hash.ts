// What a sign-in costs in password hashing: argon2id at the chosen parameters (lib/auth/password.ts) next to
// bcrypt cost 10 (bcryptjs, the hash before it), and the policy's strength check (lib/auth/password-policy.ts).
// Prints ms per hash and per verify (p50/p99, sequential), then 8 verifies at once: wall time and the
// longest the event loop was stalled meanwhile (bcryptjs computes on the main thread, argon2 on libuv's
// pool). Nothing is asserted. Figures are recorded in docs/identity/passwords-and-throttling.md.
//   npx tsx bench/password-hash.ts [--runs=40]
import { hash, verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { ARGON2_PARAMS } from "../lib/auth/password";
import { passwordProblem } from "../lib/auth/password-policy";
import { arg, fmt, timeIt } from "./lib/timing";

const runs = Number(arg("runs", "40"));
const password = "lantern velvet orbit 42";

type Scheme = { name: string; hash: () => Promise<string>; verify: (stored: string) => Promise<boolean> };
const schemes: Scheme[] = [
  {
    name: "bcrypt cost 10 (bcryptjs, before)",
    hash: () => bcrypt.hash(password, 10),
    verify: (s) => bcrypt.compare(password, s),
  },
  {
    name: `argon2id m=${ARGON2_PARAMS.memoryCost} KiB t=${ARGON2_PARAMS.timeCost} p=${ARGON2_PARAMS.parallelism} (chosen)`,
    hash: () => hash(password, ARGON2_PARAMS),
    verify: (s) => verify(s, password),
  },
  {
    name: "argon2id m=65536 KiB t=3 p=4 (RFC 9106 second choice, for comparison)",
    hash: () => hash(password, { ...ARGON2_PARAMS, memoryCost: 65_536, timeCost: 3, parallelism: 4 }),
    verify: (s) => verify(s, password),
  },
];

/** Wall time of n calls at once, and the longest gap between ticks of a 1 ms timer meanwhile (the event loop's stall). */
async function concurrently(n: number, fn: () => Promise<unknown>) {
  const t = performance.now();
  let last = t;
  let stallMs = 0;
  const tick = () => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  };
  const timer = setInterval(tick, 1);
  await Promise.all(Array.from({ length: n }, fn));
  tick();
  clearInterval(timer);
  return { wall: performance.now() - t, stallMs };
}

console.log(`node ${process.version}, ${runs} runs each\n`);
for (const s of schemes) {
  const stored = await s.hash();
  const hashes = await timeIt(runs, s.hash, 3);
  const verifies = await timeIt(runs, () => s.verify(stored), 3);
  const parallel = await concurrently(8, () => s.verify(stored));
  console.log(s.name);
  console.log(`  hash    ${fmt(hashes)}`);
  console.log(`  verify  ${fmt(verifies)}`);
  console.log(
    `  8 verifies at once: ${parallel.wall.toFixed(0)} ms wall, event loop stalled up to ${parallel.stallMs.toFixed(0)} ms\n`,
  );
}

const samples = [
  "aaaaaaaaaaaa",
  "Password1234!",
  "correct horse battery staple",
  "lantern velvet orbit 42",
  "k9#Qz!m2Lp$7vW",
  "x".repeat(200),
];
passwordProblem("warm up the dictionaries");
const checks = await timeIt(
  runs,
  async () =>
    samples.map((p) => passwordProblem(p, { email: "ada@example.test", name: "Ada Lovelace", orgName: "Acme" })),
  3,
);
console.log(`policy check (zxcvbn), per password: ${fmt(checks.map((ms) => ms / samples.length))}`);
