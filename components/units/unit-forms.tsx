"use client";
// The forms of the unit tree editor (Settings → Units, docs/hierarchy.md): add a unit, rename, move, archive or
// restore one, import the tree as CSV. Each posts to a server action (app/_actions/units.ts) that validates and audits.
import { useId, type ReactNode } from "react";
import {
  archiveUnitAction,
  createUnitAction,
  importUnitsAction,
  moveUnitAction,
  updateUnitAction,
} from "@/app/_actions/units";
import type { FieldErrors } from "@/lib/auth/action";
import { Input } from "@/components/ui/input";
import { Select, type Option } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";

export type UnitOption = { id: string; label: string; depth: number };

function Result({
  message,
  fieldErrors,
  ok,
  success,
}: {
  message: string | null;
  fieldErrors?: FieldErrors;
  ok?: boolean;
  success: ReactNode;
}) {
  const rows = Object.entries(fieldErrors ?? {}).filter(([k]) => k.startsWith("rows[") || k === "header");
  if (message)
    return (
      <FormMessage tone="error">
        {message}
        {rows.length ? (
          <ul className="mt-1 list-disc pl-5 break-words">
            {rows.slice(0, 20).map(([k, v]) => (
              <li key={k}>
                {k}: {v}
              </li>
            ))}
          </ul>
        ) : null}
      </FormMessage>
    );
  return ok ? <FormMessage tone="success">{success}</FormMessage> : null;
}

/** Indented labels so the tree reads in a native select. */
function parentOptions(units: UnitOption[], top: string): Option[] {
  return [
    { value: "", label: top },
    ...units.map((u) => ({ value: u.id, label: `${"\u00a0\u00a0".repeat(u.depth)}${u.label}` })),
  ];
}

export function CreateUnitForm({
  parents,
  parentId,
  compact,
}: {
  parents: UnitOption[];
  parentId?: string;
  compact?: boolean;
}) {
  const id = useId();
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(createUnitAction);
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      className="flex flex-col gap-3"
      aria-label={parentId ? "Add a unit below" : "Add a unit"}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Input
          id={`${id}-name`}
          name="name"
          label="Name"
          placeholder="Store 42"
          maxLength={120}
          required
          error={fieldErrors?.name}
        />
        <Input
          id={`${id}-code`}
          name="code"
          label="Code"
          placeholder="S-042"
          maxLength={64}
          required
          error={fieldErrors?.code}
        />
        <Input
          id={`${id}-kind`}
          name="kind"
          label="Kind"
          placeholder="store"
          maxLength={40}
          hint="region, store, team …"
          error={fieldErrors?.kind}
        />
        {parentId ? (
          <input type="hidden" name="parentId" value={parentId} />
        ) : (
          <Select
            id={`${id}-parent`}
            name="parentId"
            label="Parent"
            options={parentOptions(parents, "None (top level)")}
            error={fieldErrors?.parentId}
          />
        )}
      </div>
      <Result message={message} fieldErrors={fieldErrors} ok={state?.ok} success="Unit added." />
      <div>
        <SubmitButton
          pending={pending}
          pendingLabel="Adding…"
          variant={compact ? "secondary" : "primary"}
          size={compact ? "sm" : "md"}
        >
          {parentId ? "Add child unit" : "Add unit"}
        </SubmitButton>
      </div>
    </form>
  );
}

export type EditableUnit = {
  id: string;
  code: string;
  name: string;
  kind: string | null;
  parentId: string | null;
  archived: boolean;
};

export function RenameUnitForm({ unit }: { unit: EditableUnit }) {
  const id = useId();
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(
    updateUnitAction.bind(null, unit.id),
  );
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={`Rename ${unit.name}`}>
      <div className="grid gap-3 sm:grid-cols-3">
        <Input
          id={`${id}-name`}
          name="name"
          label="Name"
          defaultValue={unit.name}
          maxLength={120}
          required
          error={fieldErrors?.name}
        />
        <Input
          id={`${id}-code`}
          name="code"
          label="Code"
          defaultValue={unit.code}
          maxLength={64}
          required
          error={fieldErrors?.code}
        />
        <Input
          id={`${id}-kind`}
          name="kind"
          label="Kind"
          defaultValue={unit.kind ?? ""}
          maxLength={40}
          error={fieldErrors?.kind}
        />
      </div>
      <Result message={message} fieldErrors={fieldErrors} ok={state?.ok} success="Saved." />
      <div>
        <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary" size="sm">
          Save
        </SubmitButton>
      </div>
    </form>
  );
}

export function MoveUnitForm({ unit, parents }: { unit: EditableUnit; parents: UnitOption[] }) {
  const id = useId();
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(
    moveUnitAction.bind(null, unit.id),
  );
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      aria-label={`Move ${unit.name}`}
    >
      <Select
        id={`${id}-parent`}
        name="parentId"
        label="Move under"
        defaultValue={unit.parentId ?? ""}
        options={parentOptions(parents, "None (top level)")}
        error={fieldErrors?.parentId}
        className="min-w-0 sm:w-72"
      />
      <div>
        <SubmitButton pending={pending} pendingLabel="Moving…" variant="secondary" size="sm">
          Move
        </SubmitButton>
      </div>
      <Result message={message} fieldErrors={fieldErrors} ok={state?.ok} success="Moved." />
    </form>
  );
}

export function ArchiveUnitForm({ unit }: { unit: EditableUnit }) {
  const { dispatch, onSubmit, pending, message } = useActionForm(archiveUnitAction.bind(null, unit.id));
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      className="flex flex-col gap-2"
      aria-label={`${unit.archived ? "Restore" : "Archive"} ${unit.name}`}
    >
      {unit.archived ? <input type="hidden" name="restore" value="1" /> : null}
      <div>
        <SubmitButton pending={pending} variant={unit.archived ? "secondary" : "danger"} size="sm">
          {unit.archived ? "Restore" : "Archive with its units"}
        </SubmitButton>
      </div>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
    </form>
  );
}

export function ImportUnitsForm() {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(importUnitsAction);
  const done = state?.ok ? state.data : null;
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Import units">
      <Input
        name="file"
        id="units-file"
        type="file"
        accept=".csv,text/csv"
        label="CSV file"
        hint="Columns code, name, kind, parentCode, archived — parents by code, in any order"
        error={fieldErrors?.file ?? fieldErrors?.body}
      />
      <Result
        message={message}
        fieldErrors={fieldErrors}
        ok={state?.ok}
        success={
          done
            ? `Imported ${done.rows} rows: ${done.created} created, ${done.updated} changed, ${done.unchanged} unchanged.`
            : null
        }
      />
      <div>
        <SubmitButton pending={pending} pendingLabel="Importing…" variant="secondary">
          Import
        </SubmitButton>
      </div>
    </form>
  );
}
