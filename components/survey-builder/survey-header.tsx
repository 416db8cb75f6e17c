"use client";
// The editor's page header: the survey's status, type, version and response count, and its actions: import
// responses, and the one status change the survey allows now (Publish a draft, Close a live survey, Reopen a
// closed one); every button waits while a request is under way.
import { useTranslations } from "next-intl";
import type { SurveyDetail } from "@/lib/surveys/builder";
import { Badge, type BadgeTone } from "../ui/badge";
import { Button, ButtonLink } from "../ui/button";

const STATUS_TONES: Record<string, BadgeTone> = { draft: "neutral", live: "ok", closed: "warn" };
const TYPES = ["nps", "csat", "ces", "servqual", "custom"] as const;
const isType = (t: string): t is (typeof TYPES)[number] => (TYPES as readonly string[]).includes(t);

export function SurveySummary({
  survey,
}: {
  survey: Pick<SurveyDetail, "status" | "type" | "version" | "responseCount">;
}) {
  const t = useTranslations("surveys.editor.header");
  const tStatus = useTranslations("surveys.status");
  const tType = useTranslations("surveys.type");
  const s = survey.status;
  const known = s === "draft" || s === "live" || s === "closed";
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Badge tone={STATUS_TONES[s] ?? "neutral"}>{known ? tStatus(s) : s}</Badge>
      <span>{isType(survey.type) ? tType(survey.type) : survey.type}</span>
      <span aria-hidden="true">·</span>
      <span>{t("version", { version: survey.version })}</span>
      <span aria-hidden="true">·</span>
      <span>{t("responses", { count: survey.responseCount })}</span>
    </span>
  );
}

export type Transition = "publish" | "close" | "reopen";

export function SurveyActions({
  survey,
  pending,
  onTransition,
}: {
  survey: Pick<SurveyDetail, "id" | "status">;
  pending: string | null;
  onTransition: (action: Transition) => void;
}) {
  const t = useTranslations("surveys.editor.header");
  return (
    <>
      <ButtonLink href={`/customers/import?kind=responses&surveyId=${encodeURIComponent(survey.id)}`}>
        {t("importResponses")}
      </ButtonLink>
      {survey.status === "draft" ? (
        <Button onClick={() => onTransition("publish")} disabled={pending !== null}>
          {pending === "publish" ? t("publishing") : t("publish")}
        </Button>
      ) : null}
      {survey.status === "live" ? (
        <Button variant="danger" onClick={() => onTransition("close")} disabled={pending !== null}>
          {pending === "close" ? t("closing") : t("close")}
        </Button>
      ) : null}
      {survey.status === "closed" ? (
        <Button onClick={() => onTransition("reopen")} disabled={pending !== null}>
          {pending === "reopen" ? t("reopening") : t("reopen")}
        </Button>
      ) : null}
    </>
  );
}
