"use client";
// The editor's header actions: import responses, and the one status change the survey allows now (Publish a
// draft, Close a live survey, Reopen a closed one); every button waits while a request is under way.
import type { SurveyDetail } from "@/lib/surveys/builder";
import { Button, ButtonLink } from "../ui/button";

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
