"use client";
// Settings → Text analytics, "Suggested themes" (docs/text-analytics.md, "Suggested themes"): phrases detractors use
// in comments no theme covers (GET /api/v1/text/suggestions, read by the page), each with its counts and example
// comments. "Accept" creates a theme with that phrase through POST /api/v1/text/themes, which bumps the taxonomy
// version and queues the re-analysis of history.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useServiceReason } from "@/components/i18n/use-service-reason";
import { useFormats } from "@/components/i18n/use-formats";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { FormMessage } from "@/components/ui/form-message";

export type SuggestionJson = {
  phrase: string;
  language: "en" | "de";
  detractors: number;
  promoters: number;
  comments: number;
  z: number;
  examples: { responseId: string; comment: string }[];
  /** Weaker phrases of the same comments, merged into this suggestion. */
  alternatives?: { phrase: string }[];
};

const FOLD: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/** A theme key from a phrase ("hidden fees" → "hidden-fees"), unique among the taken ones ("-2", "-3" …). */
export function themeKeyFor(phrase: string, taken: ReadonlySet<string>): string {
  const base =
    phrase
      .toLowerCase()
      .replace(/[äöüß]/g, (c) => FOLD[c])
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 34) || "theme";
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  return key;
}

const nameFor = (phrase: string) => phrase.charAt(0).toUpperCase() + phrase.slice(1);

function Suggestion({ s, taken }: { s: SuggestionJson; taken: ReadonlySet<string> }) {
  const t = useTranslations("reports.textAnalytics.suggestions");
  const reason = useServiceReason();
  const f = useFormats();
  const router = useRouter();
  const [state, setState] = useState<"idle" | "saving" | "done">("idle");
  const [error, setError] = useState<string | null>(null);

  async function accept() {
    setState("saving");
    setError(null);
    const res = await fetch("/api/v1/text/themes", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        key: themeKeyFor(s.phrase, taken),
        name: nameFor(s.phrase).slice(0, 60),
        phrases: { en: s.language === "en" ? [s.phrase] : [], de: s.language === "de" ? [s.phrase] : [] },
      }),
    }).catch(() => null);
    if (!res?.ok) {
      const p = res ? ((await res.json().catch(() => ({}))) as { detail?: string }) : {};
      setError(p.detail ? reason(p.detail) : t("failed"));
      setState("idle");
      return;
    }
    setState("done");
    router.refresh();
  }

  return (
    <li className="rounded-lg border border-slate-200 p-3" data-testid="suggestion">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-semibold text-slate-900">{t("quoted", { phrase: s.phrase })}</span>
          <Badge tone="neutral">{t("language", { language: s.language })}</Badge>
        </p>
        {state === "done" ? (
          <span className="text-sm font-medium text-green-800" role="status">
            {t("added")}
          </span>
        ) : (
          <Button size="sm" onClick={accept} disabled={state === "saving"}>
            {state === "saving" ? t("adding") : t("accept")}
            <span className="sr-only">: {s.phrase}</span>
          </Button>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {t("counts", {
          detractors: f.count(s.detractors),
          promoters: f.count(s.promoters),
          comments: f.count(s.comments),
          z: f.number(s.z, 1),
        })}
      </p>
      {s.alternatives?.length ? (
        <p className="mt-1 text-sm text-slate-700">
          {t("alternatives", { phrases: s.alternatives.map((a) => t("quoted", { phrase: a.phrase })).join(", ") })}
        </p>
      ) : null}
      {s.examples.length ? (
        <ul
          className="mt-2 flex flex-col gap-1 text-sm text-slate-800"
          aria-label={t("examples", { phrase: s.phrase })}
        >
          {s.examples.map((e) => (
            <li key={e.responseId} className="border-l-2 border-slate-200 pl-2 break-words">
              {e.comment}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
    </li>
  );
}

export function SuggestedThemes({ suggestions, takenKeys }: { suggestions: SuggestionJson[]; takenKeys: string[] }) {
  const t = useTranslations("reports.textAnalytics.suggestions");
  const taken = new Set(takenKeys);
  return (
    <ul className="flex flex-col gap-3" aria-label={t("label")}>
      {suggestions.map((s) => (
        <Suggestion key={`${s.language}:${s.phrase}`} s={s} taken={taken} />
      ))}
    </ul>
  );
}
