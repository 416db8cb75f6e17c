"use client";
// The editor's page header: the survey's status, type, version and response count, and its actions: import
// responses, and the one status change the survey allows now (Publish a draft, Close a live survey, Reopen a
// closed one); every button waits while a request is under way.
import type { SurveyDetail } from "@/lib/surveys/builder";
import { Badge, type BadgeTone } from "../ui/badge";
import { Button, ButtonLink } from "../ui/button";
import { formatCount } from "../ui/format";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft", tone: "neutral" },
  live: { label: "Live", tone: "ok" },
  closed: { label: "Closed", tone: "warn" },
};
const TYPES: Record<string, string> = { nps: "NPS", csat: "CSAT", ces: "CES", servqual: "SERVQUAL", custom: "Custom" };

export function SurveySummary({
  survey,
}: {
  survey: Pick<SurveyDetail, "status" | "type" | "version" | "responseCount">;
}) {
  const status = STATUS[survey.status] ?? { label: survey.status, tone: "neutral" as const };
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Badge tone={status.tone}>{status.label}</Badge>
      <span>{TYPES[survey.type] ?? survey.type}</span>
      <span aria-hidden="true">·</span>
      <span>version {survey.version}</span>
      <span aria-hidden="true">·</span>
      <span>
        {formatCount(survey.responseCount)} response{survey.responseCount === 1 ? "" : "s"}
      </span>
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
  return (
    <>
      <ButtonLink href={`/customers/import?kind=responses&surveyId=${encodeURIComponent(survey.id)}`}>
        Import responses
      </ButtonLink>
      {survey.status === "draft" ? (
        <Button onClick={() => onTransition("publish")} disabled={pending !== null}>
          {pending === "publish" ? "Publishing…" : "Publish"}
        </Button>
      ) : null}
      {survey.status === "live" ? (
        <Button variant="danger" onClick={() => onTransition("close")} disabled={pending !== null}>
          {pending === "close" ? "Closing…" : "Close survey"}
        </Button>
      ) : null}
      {survey.status === "closed" ? (
        <Button onClick={() => onTransition("reopen")} disabled={pending !== null}>
          {pending === "reopen" ? "Reopening…" : "Reopen"}
        </Button>
      ) : null}
    </>
  );
}
