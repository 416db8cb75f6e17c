// Only same-site paths are followed after sign-in, so /login?callbackUrl=https://evil.example is harmless.
export function safeCallbackPath(raw: string | null | undefined, origin?: string): string {
  if (!raw) return "/";
  if (raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\")) return raw;
  if (origin) {
    try {
      const url = new URL(raw);
      if (url.origin === origin) return `${url.pathname}${url.search}${url.hash}` || "/";
    } catch {
      // not a URL: ignore it
    }
  }
  return "/";
}
