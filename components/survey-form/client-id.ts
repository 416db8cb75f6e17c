// The respondent's idempotency key for one survey, kept in sessionStorage so that a double click, a retry
// or a reload of the tab continues the same response instead of starting a second one, with the resume
// token its first submit returned (the server lets only its holder continue it). Falls back to memory
// where storage is blocked. Browser-only.
const memory = new Map<string, string>();

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string) {
  memory.set(key, value);
  try {
    storage()?.setItem(key, value);
  } catch {
    /* storage full or blocked: memory keeps it for this page */
  }
}

function remove(key: string) {
  memory.delete(key);
  try {
    storage()?.removeItem(key);
  } catch {
    /* blocked: memory is cleared */
  }
}

// getRandomValues works on plain-http self-hosted installs too, where randomUUID does not.
function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const keyOf = (publicId: string, name: string) => `resonance:survey:${publicId}:${name}`;

export function clientIdFor(publicId: string): string {
  const key = keyOf(publicId, "client");
  let id = read(key);
  if (!id) {
    id = randomId();
    write(key, id);
  }
  return id;
}

export function resumeTokenFor(publicId: string): string | undefined {
  return read(keyOf(publicId, "resume")) ?? undefined;
}

export function setResumeToken(publicId: string, token: string) {
  write(keyOf(publicId, "resume"), token);
}

/** A new clientId (and no token): the old one belongs to a response this tab cannot continue. */
export function restartClientId(publicId: string) {
  for (const name of ["client", "resume", "partial"]) remove(keyOf(publicId, name));
}

export function flag(publicId: string, name: "partial" | "done"): boolean {
  return read(keyOf(publicId, name)) === "1";
}

export function setFlag(publicId: string, name: "partial" | "done") {
  write(keyOf(publicId, name), "1");
}
