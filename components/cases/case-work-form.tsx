"use client";
// Working a case (agents and up): status, owner, due date, root cause from the organization's list, a
// resolution note (required to resolve) and, on resolve, an optional short re-survey of the customer — never
// offered for a customer who opted out of surveys (the server refuses it too: lib/cases/resurvey.ts). The re-survey
// is an invitation of the built-in re-survey trigger, e-mailed by the campaign worker (docs/cases.md).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { workCaseAction } from "@/app/_actions/cases";
import { Select } from "../ui/select";
import { Input } from "../ui/input";
import { FieldShell, controlClass, describedBy } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { CASE_STATUSES } from "@/lib/cases/schema";
import { ResurveyResult } from "./resurvey-result";

type Props = {
  caseId: string;
  status: string;
  ownerId: string | null;
  dueDate: string;
  rootCause: string | null;
  resolution: string | null;
  owners: { id: string; name: string }[];
  rootCauses: string[];
  /** The case's customer opted out of surveys: no re-survey is offered. */
  optedOut: boolean;
};

export function CaseWorkForm(props: Props) {
  const t = useTranslations("cases");
  const statusOptions = CASE_STATUSES.map((value) => ({ value, label: t(`statusLabel.${value}`) }));
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(
    workCaseAction.bind(null, props.caseId),
  );
  const [status, setStatus] = useState(props.status);
  const resolving = status === "resolved" && props.status !== "resolved";
  // A cause removed from the list since stays selectable on this case.
  const causes =
    props.rootCause && !props.rootCauses.includes(props.rootCause)
      ? [...props.rootCauses, props.rootCause]
      : props.rootCauses;
  const resolutionError = fieldErrors?.resolution;

  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      aria-label={t("work.label")}
      noValidate
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Select
          id="case-status"
          name="status"
          label={t("work.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={statusOptions}
          error={fieldErrors?.status}
        />
        <Select
          id="case-owner"
          name="ownerId"
          label={t("work.owner")}
          defaultValue={props.ownerId ?? ""}
          options={[
            { value: "", label: t("work.unassigned") },
            ...props.owners.map((o) => ({ value: o.id, label: o.name })),
          ]}
          error={fieldErrors?.ownerId}
        />
        <Input
          id="case-due"
          name="dueAt"
          type="date"
          label={t("work.due")}
          defaultValue={props.dueDate}
          error={fieldErrors?.dueAt}
          hint={t("work.dueHint")}
        />
        <Select
          id="case-root-cause"
          name="rootCause"
          label={t("work.rootCause")}
          defaultValue={props.rootCause ?? ""}
          options={[{ value: "", label: t("work.notSet") }, ...causes.map((c) => ({ value: c, label: c }))]}
          error={fieldErrors?.rootCause}
          hint={t("work.rootCauseHint")}
        />
      </div>
      <FieldShell
        id="case-resolution"
        label={status === "resolved" ? t("work.resolutionRequired") : t("work.resolution")}
        error={resolutionError}
        hint={t("work.resolutionHint")}
      >
        <textarea
          id="case-resolution"
          name="resolution"
          rows={3}
          defaultValue={props.resolution ?? ""}
          className={controlClass}
          aria-invalid={resolutionError ? true : undefined}
          aria-describedby={describedBy("case-resolution", true, resolutionError)}
          aria-required={status === "resolved" ? true : undefined}
        />
      </FieldShell>
      {resolving && props.optedOut ? (
        <p className="text-sm text-slate-700" data-testid="resurvey-opted-out">
          {t("work.optedOut")}
        </p>
      ) : resolving ? (
        <div className="flex items-start gap-2">
          <input
            id="case-resurvey"
            type="checkbox"
            name="resurvey"
            defaultChecked
            className="mt-1 size-4 shrink-0"
            aria-describedby="case-resurvey-hint"
          />
          <div>
            <label htmlFor="case-resurvey" className="text-sm font-medium text-slate-800">
              {t("work.resurvey")}
            </label>
            <p id="case-resurvey-hint" className="text-xs text-slate-600">
              {t("work.resurveyHint")}
            </p>
          </div>
        </div>
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingLabel={t("work.saving")}>
          {resolving ? t("work.resolve") : t("work.save")}
        </SubmitButton>
      </div>
      {message ? <FormMessage tone="error">{fieldErrors ? t("work.correct") : message}</FormMessage> : null}
      {state?.ok ? (
        <>
          <FormMessage tone="success">
            {state.data.status === "resolved" ? t("work.savedResolved") : t("work.saved")}
          </FormMessage>
          {state.data.resurvey ? <ResurveyResult outcome={state.data.resurvey} /> : null}
        </>
      ) : null}
    </form>
  );
}
