// The parts of Survey.settings (JSON) that the public API reads. Settings that do not parse fall back to
// the safe defaults: no cross-origin access and the standard rate limits.
//
//   {
//     "allowedOrigins": ["https://www.example.com"],   // sites whose pages may call the public API (CORS)
//     "rateLimit": { "perClientPerMinute": 10, "perSurveyPerMinute": 200 }   // may only lower the defaults
//   }
import { z } from "zod";

/** Public submissions per minute: per respondent (IP + user agent) and per survey. */
export const PUBLIC_RESPONSE_LIMITS = { perClientPerMinute: 30, perSurveyPerMinute: 1000 } as const;

/**
 * The operator's override of the built-in limits, RESONANCE_PUBLIC_RATE_LIMITS (unset by default):
 * "<per client>,<per survey>" per minute (e.g. "100000,1000000", for load tests), or "off" (no limits at
 * all — never on a public site). Anything else keeps the built-in limits. Surveys may still lower them.
 */
export function publicResponseLimits(value = process.env.RESONANCE_PUBLIC_RATE_LIMITS): {
  perClientPerMinute: number;
  perSurveyPerMinute: number;
} {
  const v = value?.trim().toLowerCase();
  if (!v) return { ...PUBLIC_RESPONSE_LIMITS };
  if (v === "off") return { perClientPerMinute: Infinity, perSurveyPerMinute: Infinity };
  const m = /^(\d{1,9})\s*,\s*(\d{1,9})$/.exec(v);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) return { ...PUBLIC_RESPONSE_LIMITS };
  return { perClientPerMinute: Number(m[1]), perSurveyPerMinute: Number(m[2]) };
}

/** "https://Shop.Example.com/" → "https://shop.example.com"; null for anything that is not an http(s) origin. */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== ""))
      return null;
    return url.origin;
  } catch {
    return null;
  }
}

const limit = z.int().min(1).max(1_000_000);
const settingsSchema = z.looseObject({
  allowedOrigins: z.array(z.string().max(300)).max(100).optional(),
  rateLimit: z.looseObject({ perClientPerMinute: limit.optional(), perSurveyPerMinute: limit.optional() }).optional(),
});

export type PublicSurveySettings = {
  allowedOrigins: string[];
  rateLimit: { perClientPerMinute: number; perSurveyPerMinute: number };
};

export function parseSurveySettings(json: unknown): PublicSurveySettings {
  const parsed = settingsSchema.safeParse(json ?? {});
  const s = parsed.success ? parsed.data : {};
  const origins = (s.allowedOrigins ?? []).map(normalizeOrigin).filter((o): o is string => o !== null);
  const base = publicResponseLimits();
  return {
    allowedOrigins: [...new Set(origins)],
    rateLimit: {
      perClientPerMinute: Math.min(base.perClientPerMinute, s.rateLimit?.perClientPerMinute ?? Infinity),
      perSurveyPerMinute: Math.min(base.perSurveyPerMinute, s.rateLimit?.perSurveyPerMinute ?? Infinity),
    },
  };
}
