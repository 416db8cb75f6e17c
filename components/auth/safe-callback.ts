// Only same-origin paths are followed after sign-in, so /login?callbackUrl=https://evil.example is harmless.
// The target is resolved the way a browser resolves it (tabs and newlines dropped, "\" read as "/", so
// "/\t/evil.example" means "//evil.example") and kept only when it stays on our origin; what is followed is
// the resolved path, never the raw text.
const STAND_IN = "http://resonance.invalid";

export function safeCallbackPath(raw: string | null | undefined, origin: string = STAND_IN): string {
  if (!raw) return "/";
  try {
    const base = new URL(origin);
    const url = new URL(raw, base);
    if (url.origin !== base.origin) return "/";
    const path = `${url.pathname}${url.search}${url.hash}`;
    // "/.//evil.example" resolves to the path "//evil.example", which a browser would read as another host.
    return path.startsWith("//") ? "/" : path;
  } catch {
    return "/";
  }
}
