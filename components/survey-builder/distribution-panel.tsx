"use client";
// Where respondents answer: the hosted link and the widget snippet (docs/surveys.md, "Widget on your own site"),
// the sites allowed to embed it (CORS, settings.allowedOrigins) and the widget's options.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { SurveyDetail } from "@/lib/surveys/builder";
import type { WidgetSettings } from "@/lib/surveys/builder-schema";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { controlClass } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { failureText, useSendSurvey } from "./api";

const DEFAULTS: WidgetSettings = {
  trigger: "load",
  delaySeconds: 5,
  throttleDays: 30,
  samplePercent: 100,
  position: "bottom-right",
};

/** `embedPath`: the script's versioned path (/embed/<version>.js, lib/surveys/embed-asset.ts), cached for a year. */
export function embedSnippet(origin: string, embedPath: string, publicId: string, w: WidgetSettings): string {
  const attrs = [`data-survey="${publicId}"`];
  if (w.trigger !== DEFAULTS.trigger) attrs.push(`data-trigger="${w.trigger}"`);
  if (w.trigger === "delay") attrs.push(`data-delay="${w.delaySeconds}"`);
  if (w.throttleDays !== DEFAULTS.throttleDays) attrs.push(`data-throttle-days="${w.throttleDays}"`);
  if (w.samplePercent !== DEFAULTS.samplePercent) attrs.push(`data-sample="${w.samplePercent}"`);
  if (w.position !== DEFAULTS.position) attrs.push(`data-position="${w.position}"`);
  return `<script src="${origin}${embedPath}" ${attrs.join(" ")} async></script>`;
}

type Props = {
  survey: SurveyDetail;
  origin: string;
  embedPath: string;
  canEdit: boolean;
  onSaved: (s: SurveyDetail) => void;
};

export function DistributionPanel({ survey, origin, embedPath, canEdit, onSaved }: Props) {
  const t = useTranslations("surveys.editor");
  const sendSurvey = useSendSurvey();
  const [origins, setOrigins] = useState(survey.settings.allowedOrigins.join("\n"));
  const [widget, setWidget] = useState<WidgetSettings>(survey.settings.widget);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const link = `${origin}/s/${survey.publicId}`;
  const snippet = embedSnippet(origin, embedPath, survey.publicId, widget);
  const originError = Object.entries(errors).find(([k]) => k.startsWith("settings.allowedOrigins"))?.[1];

  async function save(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    const allowedOrigins = origins
      .split(/\s+/)
      .map((o) => o.trim())
      .filter(Boolean);
    const res = await sendSurvey("PATCH", `/api/v1/surveys/${survey.id}`, { settings: { allowedOrigins, widget } });
    setPending(false);
    if (res.ok) {
      setErrors({});
      setOrigins(res.survey.settings.allowedOrigins.join("\n"));
      setMessage({ tone: "success", text: t("distribution.saved") });
      onSaved(res.survey);
    } else {
      setErrors(res.fieldErrors);
      setMessage({ tone: "error", text: failureText(res, t) });
    }
  }

  const num = (v: string) => (v === "" ? 0 : Math.trunc(Number(v)));

  return (
    <section
      aria-labelledby="distribution-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="distribution-heading" className="text-lg font-semibold text-slate-900">
        {t("distribution.heading")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {survey.status === "live"
          ? t("distribution.live")
          : survey.status === "closed"
            ? t("distribution.closed")
            : t("distribution.draft")}
      </p>
      <div className="mt-4 flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="hosted-link" className="text-sm font-medium text-slate-800">
            {t("distribution.hostedLink")}
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id="hosted-link"
              readOnly
              value={link}
              className={`${controlClass} min-w-0 flex-1 font-mono text-xs`}
            />
            <CopyButton value={link} targetId="hosted-link" label={t("distribution.copyLink")} />
          </div>
          <p className="text-xs text-slate-600">
            {t("distribution.linkHint", {
              lang: "?lang=de",
              score: "?score=9",
              identity: `?cid=<${t("distribution.customerId")}>&ct=<${t("distribution.customerToken")}>`,
            })}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="embed-snippet" className="text-sm font-medium text-slate-800">
            {t("distribution.snippet")}
          </label>
          <textarea
            id="embed-snippet"
            readOnly
            rows={4}
            value={snippet}
            className={`${controlClass} font-mono text-xs`}
          />
          <div className="mt-1">
            <CopyButton value={snippet} targetId="embed-snippet" label={t("distribution.copySnippet")} />
          </div>
        </div>
        {canEdit ? (
          <form onSubmit={save} noValidate className="flex flex-col gap-3 border-t border-slate-200 pt-4">
            <div className="flex flex-col gap-1">
              <label htmlFor="field-allowedOrigins" className="text-sm font-medium text-slate-800">
                {t("distribution.origins")}
              </label>
              <textarea
                id="field-allowedOrigins"
                rows={2}
                className={`${controlClass} font-mono text-xs`}
                value={origins}
                onChange={(e) => setOrigins(e.target.value)}
                placeholder={t("distribution.originsPlaceholder")}
                aria-invalid={originError ? true : undefined}
                aria-describedby={originError ? "allowedOrigins-error" : undefined}
              />
              {originError ? (
                <p id="allowedOrigins-error" className="text-sm font-medium text-danger">
                  {originError}
                </p>
              ) : null}
            </div>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              <div className="flex flex-col gap-1">
                <label htmlFor="w-trigger" className="text-sm font-medium text-slate-800">
                  {t("distribution.show")}
                </label>
                <select
                  id="w-trigger"
                  className={controlClass}
                  value={widget.trigger}
                  onChange={(e) => setWidget({ ...widget, trigger: e.target.value as WidgetSettings["trigger"] })}
                >
                  <option value="load">{t("distribution.onLoad")}</option>
                  <option value="delay">{t("distribution.afterDelay")}</option>
                  <option value="manual">{t("distribution.manual")}</option>
                </select>
              </div>
              {widget.trigger === "delay" ? (
                <div className="flex flex-col gap-1">
                  <label htmlFor="w-delay" className="text-sm font-medium text-slate-800">
                    {t("distribution.delay")}
                  </label>
                  <input
                    id="w-delay"
                    type="number"
                    min={0}
                    className={controlClass}
                    value={widget.delaySeconds}
                    onChange={(e) => setWidget({ ...widget, delaySeconds: num(e.target.value) })}
                  />
                </div>
              ) : null}
              <div className="flex flex-col gap-1">
                <label htmlFor="w-throttle" className="text-sm font-medium text-slate-800">
                  {t("distribution.throttle")}
                </label>
                <input
                  id="w-throttle"
                  type="number"
                  min={0}
                  className={controlClass}
                  value={widget.throttleDays}
                  onChange={(e) => setWidget({ ...widget, throttleDays: num(e.target.value) })}
                />
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="w-sample" className="text-sm font-medium text-slate-800">
                  {t("distribution.sample")}
                </label>
                <input
                  id="w-sample"
                  type="number"
                  min={1}
                  max={100}
                  className={controlClass}
                  value={widget.samplePercent}
                  onChange={(e) => setWidget({ ...widget, samplePercent: num(e.target.value) })}
                />
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="w-position" className="text-sm font-medium text-slate-800">
                  {t("distribution.position")}
                </label>
                <select
                  id="w-position"
                  className={controlClass}
                  value={widget.position}
                  onChange={(e) => setWidget({ ...widget, position: e.target.value as WidgetSettings["position"] })}
                >
                  <option value="bottom-right">{t("distribution.bottomRight")}</option>
                  <option value="bottom-left">{t("distribution.bottomLeft")}</option>
                  <option value="center">{t("distribution.center")}</option>
                </select>
              </div>
            </div>
            {Object.entries(errors)
              .filter(([k]) => k.startsWith("settings.widget"))
              .map(([k, v]) => (
                <p
                  key={k}
                  className="text-sm font-medium text-danger"
                >{`${k.replace("settings.widget.", "")}: ${v}`}</p>
              ))}
            {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
            <div>
              <Button type="submit" variant="secondary" disabled={pending}>
                {pending ? t("distribution.saving") : t("distribution.save")}
              </Button>
            </div>
          </form>
        ) : null}
      </div>
    </section>
  );
}
