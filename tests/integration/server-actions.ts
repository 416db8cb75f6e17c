// Calls a server action over real HTTP the way the browser does: a POST to a page whose bundle holds the
// action, with the Next-Action header and the React-encoded arguments. Action ids come from the production
// build's server-reference manifest. Used by actions-matrix.test.ts and by tests of one action's behaviour.
import fs from "node:fs";
import path from "node:path";
import type { ActionCase } from "./action-table";
import { baseURL } from "./http";

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };
export const manifest = JSON.parse(
  fs.readFileSync(path.join(process.env.NEXT_DIST_DIR || ".next", "server/server-reference-manifest.json"), "utf8"),
) as {
  node: Record<string, ManifestEntry>;
};
// Loaded lazily: React's reply encoder, the same one the browser uses to send action arguments.
const encodeReply = async (args: unknown[]) =>
  (
    (await import("next/dist/compiled/react-server-dom-turbopack/client.node" as string)) as {
      encodeReply: (v: unknown[]) => Promise<FormData | string>;
    }
  ).encodeReply(args);

/** The action's id and a page to post it to; `publicId` fills a [publicId] segment (others get an id that exists nowhere). */
function actionId(a: Pick<ActionCase, "file" | "name">, publicId = "no-such-id"): { id: string; page: string } {
  const found = Object.entries(manifest.node).find(([, e]) => e.filename === a.file && e.exportedName === a.name);
  if (!found) throw new Error(`${a.file} ${a.name} is not in the build's server-reference manifest (rebuild?)`);
  const [id, entry] = found;
  // A page whose bundle holds the action, preferring one without dynamic segments.
  const worker = Object.keys(entry.workers).sort(
    (x, y) => (x.match(/\[/g)?.length ?? 0) - (y.match(/\[/g)?.length ?? 0),
  )[0];
  const page =
    worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace("[publicId]", publicId)
      .replace(/\[\w+\]/g, "no-such-id") || "/";
  return { id, page };
}

export type ActionReply = { status: number; text: string; redirect: string | null };
export type CallOptions = { cookie?: string; origin?: string; form?: Record<string, string>; publicId?: string };

export async function callServerAction(
  a: Pick<ActionCase, "file" | "name" | "args" | "bound" | "form">,
  opts: CallOptions = {},
): Promise<ActionReply> {
  const { id, page } = actionId(a, opts.publicId);
  let args: unknown[];
  if (a.args) args = a.args;
  else {
    const form = new FormData();
    for (const [k, v] of Object.entries(opts.form ?? a.form ?? {})) form.set(k, v);
    args = [...(a.bound ?? []), null, form];
  }
  const body = await encodeReply(args);
  const url = new URL(baseURL());
  const headers: Record<string, string> = {
    "next-action": id,
    accept: "text/x-component",
    origin: opts.origin ?? url.origin,
  };
  if (typeof body === "string") headers["content-type"] = "text/plain;charset=UTF-8";
  if (opts.cookie) headers.cookie = opts.cookie;
  const res = await fetch(baseURL() + page, { method: "POST", headers, body, redirect: "manual" });
  return { status: res.status, text: await res.text(), redirect: res.headers.get("x-action-redirect") };
}

/** Every exported async function of every file that starts with "use server". */
export function serverActionsInSource(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== "node_modules" && e.name !== "generated") walk(full);
      else if (/\.tsx?$/.test(e.name)) files.push(full);
    }
  };
  ["app", "lib", "components"].forEach(walk);
  return files.flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    if (!/^(\s*\/\/[^\n]*\n)*\s*["']use server["']/.test(source)) return [];
    return [...source.matchAll(/export async function (\w+)/g)].map((m) => `${file.split(path.sep).join("/")} ${m[1]}`);
  });
}
