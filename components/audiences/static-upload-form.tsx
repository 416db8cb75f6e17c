"use client";
// A static audience from a CSV file: all rows must name a known customer, or nothing is saved and the bad rows are
// listed.
import { createStaticAudienceAction } from "@/app/_actions/audiences";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";

export function StaticUploadForm() {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(createStaticAudienceAction);
  const rowErrors = Object.entries(fieldErrors ?? {}).filter(([k]) => k.startsWith("rows[") || k === "header");
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Upload a list">
      <div className="grid gap-3 sm:grid-cols-2">
        <Input
          name="name"
          id="static-name"
          label="Name"
          placeholder="Uploaded list"
          maxLength={120}
          error={fieldErrors?.name}
        />
        <Input
          name="file"
          id="static-file"
          type="file"
          accept=".csv,text/csv"
          label="CSV file"
          hint="A column email and/or externalId, one customer per row"
          error={fieldErrors?.file ?? fieldErrors?.body}
        />
      </div>
      {message ? (
        <FormMessage tone="error">
          {message}
          {rowErrors.length ? (
            <ul className="mt-1 list-disc pl-5">
              {rowErrors.slice(0, 20).map(([k, v]) => (
                <li key={k}>
                  {k}: {v}
                </li>
              ))}
            </ul>
          ) : null}
        </FormMessage>
      ) : null}
      {state?.ok ? (
        <FormMessage tone="success">Saved: {state.data.members.toLocaleString("en-US")} customers.</FormMessage>
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingLabel="Uploading…">
          Upload list
        </SubmitButton>
      </div>
    </form>
  );
}
