// The part of a catalogue that client components get: only the message subtrees they use, named by dotted paths
// ("nav", "auth.forgot"). What a page hands the browser is then what its client components show — not the whole
// catalogue of every area in its payload (docs/i18n.md, "Messages in the browser").

/** The messages every page's client components use: the shell (app-frame, nav, quick search) and the error page. */
export const SHELL_CLIENT_KEYS = ["common", "nav", "errors.error"] as const;

type Tree = { [key: string]: string | Tree };

/** A copy of `messages` with only the subtrees at `paths`; a path that names no subtree adds nothing. */
export function pickMessages<T extends object>(messages: T, paths: readonly string[]): Partial<T> {
  const out: Tree = {};
  for (const path of paths) {
    const parts = path.split(".");
    let from: Tree | string | undefined = messages as unknown as Tree;
    for (const part of parts) from = typeof from === "object" && Object.hasOwn(from, part) ? from[part] : undefined;
    if (from === undefined) continue;
    let into = out;
    parts.slice(0, -1).forEach((part) => {
      if (typeof into[part] !== "object") into[part] = {};
      into = into[part] as Tree;
    });
    const last = parts[parts.length - 1];
    const existing = into[last];
    into[last] = typeof existing === "object" && typeof from === "object" ? merge(existing, from) : from;
  }
  return out as Partial<T>;
}

/** `a` with the messages of `b` added (b's wins where both have a message); neither is changed. */
export function mergeMessages<T extends object>(a: T, b: object): T {
  return merge(a as unknown as Tree, b as Tree) as unknown as T;
}

function merge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [k, v] of Object.entries(b))
    out[k] = typeof out[k] === "object" && typeof v === "object" ? merge(out[k] as Tree, v) : v;
  return out;
}

/** Whether the subtree at `path` is inside one of the picked `paths` ("auth" covers "auth.forgot", not the reverse). */
export function covers(paths: readonly string[], path: string): boolean {
  return paths.some((p) => path === p || path.startsWith(`${p}.`));
}
