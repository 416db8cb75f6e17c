"use client";
// Settings → Text analytics, "Themes" (docs/text-analytics.md, "An organization's taxonomy"): each theme with its
// phrases per language, one per line, edited and saved through /api/v1/text/themes; a problem names the bad field
// ("phrases.de.3") and its message shows next to that field ("Line 4: …"). Managers edit; others read.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useServiceReason } from "@/components/i18n/use-service-reason";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { controlClass, describedBy, FieldShell } from "@/components/ui/field";

export type ThemeJson = {
  id: string;
  key: string;
  name: string;
  archived: boolean;
  phrases: { en: string[]; de: string[] };
};

type Errors = Record<string, string>;
type T = ReturnType<typeof useTranslations<"reports.textAnalytics.editor">>;
/** A service's English text in the page's language (useServiceReason). */
type Reason = (text: string) => string;
const LANGUAGES = ["en", "de"] as const;

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * invalid_params → one message per form field: "phrases.en.3" becomes the English field's "Line 4: …". The reasons
 * are the API's (English, its contract: docs/i18n.md, "Errors"), worded in the page's language by `reason`.
 */
function fieldErrors(t: T, reason: Reason, params: { name: string; reason: string }[] | undefined): Errors {
  const out: Errors = {};
  for (const p of params ?? []) {
    const m = /^phrases\.(en|de)\.(\d+)$/.exec(p.name);
    const field = m ? `phrases.${m[1]}` : p.name || "form";
    const text = m ? t("line", { line: Number(m[2]) + 1, reason: reason(p.reason) }) : reason(p.reason);
    out[field] = out[field] ? `${out[field]}; ${text}` : text;
  }
  return out;
}

async function send(t: T, reason: Reason, method: string, url: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: body ? { "content-type": "application/json" } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  }).catch(() => null);
  if (!res) return { ok: false as const, errors: { form: t("connection") } };
  if (res.ok) return { ok: true as const };
  const p = (await res.json().catch(() => ({}))) as {
    detail?: string;
    invalid_params?: { name: string; reason: string }[];
  };
  const errors = fieldErrors(t, reason, p.invalid_params);
  if (!p.invalid_params?.length) errors.form = p.detail ? reason(p.detail) : t("notSaved");
  return { ok: false as const, errors };
}

function PhraseFields({ idPrefix, theme, errors }: { idPrefix: string; theme?: ThemeJson; errors: Errors }) {
  const t = useTranslations("reports.textAnalytics.editor");
  const hint = t("phraseHint");
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {LANGUAGES.map((code) => {
        const id = `${idPrefix}-${code}`;
        const error = errors[`phrases.${code}`];
        return (
          <FieldShell key={code} id={id} label={t(`phrases.${code}`)} hint={hint} error={error}>
            <textarea
              id={id}
              name={code}
              rows={6}
              defaultValue={theme?.phrases[code].join("\n")}
              className={`${controlClass} font-mono`}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(id, hint, error)}
            />
          </FieldShell>
        );
      })}
    </div>
  );
}

function ThemeCard({ theme, canEdit }: { theme: ThemeJson; canEdit: boolean }) {
  const t = useTranslations("reports.textAnalytics.editor");
  const reason = useServiceReason();
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = `theme-${theme.key}`;

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setSaved(false);
    const r = await send(t, reason, "PATCH", `/api/v1/text/themes/${theme.id}`, {
      name: String(f.get("name") ?? ""),
      archived: f.get("archived") === "on",
      phrases: { en: lines(String(f.get("en") ?? "")), de: lines(String(f.get("de") ?? "")) },
    });
    setBusy(false);
    setErrors(r.ok ? {} : r.errors);
    if (r.ok) {
      setSaved(true);
      router.refresh();
    }
  }

  async function remove() {
    if (!window.confirm(t("confirmDelete", { name: theme.name }))) return;
    setBusy(true);
    const r = await send(t, reason, "DELETE", `/api/v1/text/themes/${theme.id}`);
    setBusy(false);
    if (r.ok) router.refresh();
    else setErrors(r.errors);
  }

  const count = theme.phrases.en.length + theme.phrases.de.length;
  return (
    <details className="rounded-md border border-slate-200 bg-white" data-testid={`theme-${theme.key}`}>
      <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm">
        <span className="font-medium text-slate-900">{theme.name}</span>
        <code className="text-xs text-slate-600">{theme.key}</code>
        {theme.archived ? <Badge tone="warn">{t("archived")}</Badge> : null}
        <span className="ml-auto text-xs text-slate-600">
          {t("phraseCount", { en: theme.phrases.en.length, de: theme.phrases.de.length, count })}
        </span>
      </summary>
      {canEdit ? (
        <form onSubmit={(e) => void save(e)} className="space-y-3 border-t border-slate-200 p-3" noValidate>
          <Input id={`${id}-name`} name="name" label={t("name")} defaultValue={theme.name} error={errors.name} />
          <PhraseFields idPrefix={id} theme={theme} errors={errors} />
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="archived" defaultChecked={theme.archived} />
            {t("archivedLabel")}
          </label>
          {errors.form ? <FormMessage tone="error">{errors.form}</FormMessage> : null}
          {saved ? <FormMessage tone="success">{t("saved")}</FormMessage> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={busy}>
              {busy ? t("saving") : t("save")}
            </Button>
            <Button variant="danger" onClick={() => void remove()} disabled={busy}>
              {t("delete")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="grid gap-3 border-t border-slate-200 p-3 text-sm md:grid-cols-2">
          {LANGUAGES.map((code) => (
            <div key={code}>
              <p className="font-medium text-slate-800">{t(`phrases.${code}`)}</p>
              <p className="break-words text-slate-700">{theme.phrases[code].join(", ") || t("none")}</p>
            </div>
          ))}
        </div>
      )}
    </details>
  );
}

export function ThemeList({ themes, canEdit }: { themes: ThemeJson[]; canEdit: boolean }) {
  return (
    <div className="space-y-2">
      {themes.map((t) => (
        <ThemeCard key={t.id} theme={t} canEdit={canEdit} />
      ))}
    </div>
  );
}

export function NewThemeForm() {
  const t = useTranslations("reports.textAnalytics.editor");
  const reason = useServiceReason();
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    setBusy(true);
    setCreated(null);
    const r = await send(t, reason, "POST", "/api/v1/text/themes", {
      key: String(f.get("key") ?? ""),
      name: String(f.get("name") ?? ""),
      phrases: { en: lines(String(f.get("en") ?? "")), de: lines(String(f.get("de") ?? "")) },
    });
    setBusy(false);
    setErrors(r.ok ? {} : r.errors);
    if (r.ok) {
      setCreated(String(f.get("name")));
      form.reset();
      router.refresh();
    }
  }

  return (
    <form onSubmit={(e) => void create(e)} className="space-y-3" noValidate>
      <div className="grid gap-3 md:grid-cols-2">
        <Input id="new-theme-key" name="key" label={t("key")} hint={t("keyHint")} error={errors.key} />
        <Input id="new-theme-name" name="name" label={t("name")} error={errors.name} />
      </div>
      <PhraseFields idPrefix="new-theme" errors={errors} />
      {errors.form ? <FormMessage tone="error">{errors.form}</FormMessage> : null}
      {created ? <FormMessage tone="success">{t("added", { name: created })}</FormMessage> : null}
      <Button type="submit" disabled={busy}>
        {busy ? t("adding") : t("add")}
      </Button>
    </form>
  );
}
