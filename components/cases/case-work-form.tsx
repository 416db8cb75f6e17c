"use client";
// Working a case (agents and up): status, owner, due date, root cause from the organization's list, a
// resolution note (required to resolve) and, on resolve, an optional short re-survey of the customer — never
// offered for a customer who opted out of surveys (the server refuses it too: lib/cases/resurvey.ts). The re-survey
// is an invitation of the built-in re-survey trigger, e-mailed by the campaign worker (docs/cases.md).
import { useState } from "react";
import { workCaseAction } from "@/app/_actions/cases";
import { Select } from "../ui/select";
import { Input } from "../ui/input";
import { FieldShell, controlClass, describedBy } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { CASE_STATUS_LABELS } from "./case-labels";
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

const STATUS_OPTIONS = Object.entries(CASE_STATUS_LABELS).map(([value, s]) => ({ value, label: s.label }));

export function CaseWorkForm(props: Props) {
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
      aria-label="Work this case"
      noValidate
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Select
          id="case-status"
          name="status"
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={STATUS_OPTIONS}
          error={fieldErrors?.status}
        />
        <Select
          id="case-owner"
          name="ownerId"
          label="Owner"
          defaultValue={props.ownerId ?? ""}
          options={[{ value: "", label: "Unassigned" }, ...props.owners.map((o) => ({ value: o.id, label: o.name }))]}
          error={fieldErrors?.ownerId}
        />
        <Input
          id="case-due"
          name="dueAt"
          type="date"
          label="Due date"
          defaultValue={props.dueDate}
          error={fieldErrors?.dueAt}
          hint="Due at the end of that day (UTC)."
        />
        <Select
          id="case-root-cause"
          name="rootCause"
          label="Root cause"
          defaultValue={props.rootCause ?? ""}
          options={[{ value: "", label: "Not set" }, ...causes.map((c) => ({ value: c, label: c }))]}
          error={fieldErrors?.rootCause}
          hint="Managers edit this list in Settings."
        />
      </div>
      <FieldShell
        id="case-resolution"
        label={`Resolution note${status === "resolved" ? " (required)" : ""}`}
        error={resolutionError}
        hint="What was done for the customer, in a sentence or two."
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
          No re-survey: the customer has opted out of surveys.
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
              Send the customer a short re-survey
            </label>
            <p id="case-resurvey-hint" className="text-xs text-slate-600">
              Queued and e-mailed shortly when the server can send e-mail and the customer has an address; otherwise you
              get the link to pass on.
            </p>
          </div>
        </div>
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {resolving ? "Resolve case" : "Save changes"}
        </SubmitButton>
      </div>
      {message ? (
        <FormMessage tone="error">{fieldErrors ? "Please correct the highlighted fields." : message}</FormMessage>
      ) : null}
      {state?.ok ? (
        <>
          <FormMessage tone="success">
            {state.data.status === "resolved" ? "Case saved as resolved." : "Case saved."}
          </FormMessage>
          {state.data.resurvey ? <ResurveyResult outcome={state.data.resurvey} /> : null}
        </>
      ) : null}
    </form>
  );
}
