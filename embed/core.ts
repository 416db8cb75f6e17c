// The pure decisions of the embed widget, kept apart from the DOM so that unit tests pin them:
// where the API lives, whether to show the survey to this visitor, and which answers to send.
// Skip logic is not re-implemented: visibleKeys comes from lib/surveys/logic.ts (pure, shared with the server).
export { visibleKeys } from "../lib/surveys/logic";
export type { AnswerValue, ShowIf } from "../lib/surveys/logic";

const DAY = 86_400_000;

/**
 * The Resonance base URL from the script's own src: "https://cx.example.com/embed.js?v=2" and the versioned
 * "https://cx.example.com/embed/<version>.js" → "https://cx.example.com", and an instance under a path keeps
 * it ("https://x.com/cx/embed.js" → "https://x.com/cx").
 */
export function apiBase(scriptSrc: string, pageUrl?: string): string {
  const u = new URL(scriptSrc, pageUrl);
  return u.origin + u.pathname.replace(/\/embed\/[^/]*$/, "/embed.js").replace(/\/[^/]*$/, "");
}

/** What the widget remembers per survey and visitor (localStorage). */
export type Seen = { at: number; done: boolean };

export function parseSeen(raw: string | null): Seen | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<Seen>;
    return typeof v.at === "number" && Number.isFinite(v.at) ? { at: v.at, done: v.done === true } : null;
  } catch {
    return null;
  }
}

/** A whole number within [min, max] from an attribute, else the fallback. */
export function intAttr(value: string | null | undefined, fallback: number, min: number, max: number): number {
  if (value == null || value.trim() === "") return fallback;
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback;
}

/** Not again within throttleDays after the visitor answered or dismissed it (0 = no throttle). */
export function throttled(seen: Seen | null, throttleDays: number, now: number): boolean {
  if (!seen || throttleDays <= 0) return false;
  return now - seen.at < throttleDays * DAY && now >= seen.at - DAY; // a clock set far back does not block forever
}

/**
 * Sampling is decided once per visitor and survey: a stored "1"/"0" wins; otherwise the dice decide
 * (random in [0, 1)) and the caller stores the result. percent ≥ 100 always shows, ≤ 0 never.
 */
export function sampled(
  stored: string | null,
  percent: number,
  random: number,
): { show: boolean; store: "1" | "0" | null } {
  if (percent >= 100) return { show: true, store: null };
  if (stored === "1" || stored === "0") return { show: stored === "1", store: null };
  const show = random * 100 < percent;
  return { show, store: show ? "1" : "0" };
}

/** The visible, answered questions' values; hidden questions' answers are never sent. */
export function answersToSend<V>(
  keys: Iterable<string>,
  visible: Set<string>,
  values: Map<string, V>,
): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of keys) if (visible.has(k) && values.has(k)) out[k] = values.get(k)!;
  return out;
}

/** The problem type of "this clientId's response needs its resume token" (lib/surveys/errors.ts). */
export const RESUME_TOKEN_REQUIRED = "urn:resonance:problem:resume-token-required";

/** Whether an answer says: this clientId belongs to a response we cannot continue; start a new one. */
export function mustRestart(status: number, problem: unknown): boolean {
  return status === 409 && (problem as { type?: unknown } | null)?.type === RESUME_TOKEN_REQUIRED;
}

/** The API's field errors ("answers.<key>") by question key; other names under "". */
export function fieldErrors(problem: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const list = (problem as { invalid_params?: { name?: unknown; reason?: unknown }[] } | null)?.invalid_params;
  if (!Array.isArray(list)) return out;
  for (const p of list) {
    if (typeof p?.name !== "string" || typeof p.reason !== "string") continue;
    const key = p.name.startsWith("answers.") ? p.name.slice(8) : "";
    if (!out.has(key)) out.set(key, p.reason);
  }
  return out;
}
