// The caller's IP as the reverse proxy reports it (the first X-Forwarded-For entry, else X-Real-IP). Only
// used to tell respondents apart for rate limits, never stored; behind no proxy the header may be forged,
// which is why every public limit also has a per-survey ceiling that no header can dodge.
type HeaderBag = { get(name: string): string | null };

export function clientIp(headers: HeaderBag): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim();
  return ip ? ip.slice(0, 100) : null;
}
