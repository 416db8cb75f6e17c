"use client";
// The forms of the unit tree editor (Settings → Units, docs/hierarchy.md): add a unit, rename, move, archive or
// restore one, import the tree as CSV. Each posts to a server action (app/_actions/units.ts) that validates and audits.
import { useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("settings.units.form");
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(createUnitAction);
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      className="flex flex-col gap-3"
      aria-label={parentId ? t("addBelow") : t("addLabel")}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Input
          id={`${id}-name`}
          name="name"
          label={t("name")}
          placeholder={t("namePlaceholder")}
          maxLength={120}
          required
          error={fieldErrors?.name}
        />
        <Input
          id={`${id}-code`}
          name="code"
          label={t("code")}
          placeholder={t("codePlaceholder")}
          maxLength={64}
          required
          error={fieldErrors?.code}
        />
        <Input
          id={`${id}-kind`}
          name="kind"
          label={t("kind")}
          placeholder={t("kindPlaceholder")}
          maxLength={40}
          hint={t("kindHint")}
          error={fieldErrors?.kind}
        />
        {parentId ? (
          <input type="hidden" name="parentId" value={parentId} />
        ) : (
          <Select
            id={`${id}-parent`}
            name="parentId"
            label={t("parent")}
            options={parentOptions(parents, t("top"))}
            error={fieldErrors?.parentId}
          />
        )}
      </div>
      <Result message={message} fieldErrors={fieldErrors} ok={state?.ok} success={t("added")} />
      <div>
        <SubmitButton
          pending={pending}
          pendingLabel={t("adding")}
          variant={compact ? "secondary" : "primary"}
          size={compact ? "sm" : "md"}
        >
          {parentId ? t("addChild") : t("addUnit")}
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
  const t = useTranslations("settings.units.form");
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(
    updateUnitAction.bind(null, unit.id),
  );
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      className="flex flex-col gap-3"
      aria-label={t("rename", { name: unit.name })}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <Input
          id={`${id}-name`}
          name="name"
          label={t("name")}
          defaultValue={unit.name}
          maxLength={120}
          required
          error={fieldErrors?.name}
        />
        <Input
          id={`${id}-code`}
          name="code"
          label={t("code")}
          defaultValue={unit.code}
          maxLength={64}
          required
          error={fieldErrors?.code}
        />
        <Input
          id={`${id}-kind`}
          name="kind"
          label={t("kind")}
          defaultValue={unit.kind ?? ""}
          maxLength={40}
          error={fieldErrors?.kind}
        />
      </div>
      <Result message={message} fieldErrors={fieldErrors} ok={state?.ok} success={t("saved")} />
      <div>
        <SubmitButton pending={pending} pendingLabel={t("saving")} variant="secondary" size="sm">
          {t("save")}
        </SubmitButton>
      </div>
    </form>
  );
}

export function MoveUnitForm({ unit, parents }: { unit: EditableUnit; parents: UnitOption[] }) {
  const id = useId();
  const t = useTranslations("settings.units.form");
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(
    moveUnitAction.bind(null, unit.id),
  );
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      aria-label={t("move", { name: unit.name })}
    >
      <Select
        id={`${id}-parent`}
        name="parentId"
        label={t("moveUnder")}
        defaultValue={unit.parentId ?? ""}
        options={parentOptions(parents, t("top"))}
        error={fieldErrors?.parentId}
        className="min-w-0 sm:w-72"
      />
      <div>
        <SubmitButton pending={pending} pendingLabel={t("moving")} variant="secondary" size="sm">
          {t("moveSubmit")}
        </SubmitButton>
      </div>
      <Result message={message} fieldErrors={fieldErrors} ok={state?.ok} success={t("moved")} />
    </form>
  );
}

export function ArchiveUnitForm({ unit }: { unit: EditableUnit }) {
  const t = useTranslations("settings.units.form");
  const { dispatch, onSubmit, pending, message } = useActionForm(archiveUnitAction.bind(null, unit.id));
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      className="flex flex-col gap-2"
      aria-label={unit.archived ? t("restoreLabel", { name: unit.name }) : t("archiveLabel", { name: unit.name })}
    >
      {unit.archived ? <input type="hidden" name="restore" value="1" /> : null}
      <div>
        <SubmitButton pending={pending} variant={unit.archived ? "secondary" : "danger"} size="sm">
          {unit.archived ? t("restore") : t("archive")}
        </SubmitButton>
      </div>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
    </form>
  );
}

export function ImportUnitsForm() {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(importUnitsAction);
  const done = state?.ok ? state.data : null;
  const t = useTranslations("settings.units.form");
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={t("importLabel")}>
      <Input
        name="file"
        id="units-file"
        type="file"
        accept=".csv,text/csv"
        label={t("file")}
        hint={t("fileHint")}
        error={fieldErrors?.file ?? fieldErrors?.body}
      />
      <Result
        message={message}
        fieldErrors={fieldErrors}
        ok={state?.ok}
        success={
          done
            ? t("imported", {
                rows: done.rows,
                created: done.created,
                updated: done.updated,
                unchanged: done.unchanged,
              })
            : null
        }
      />
      <div>
        <SubmitButton pending={pending} pendingLabel={t("importing")} variant="secondary">
          {t("importSubmit")}
        </SubmitButton>
      </div>
    </form>
  );
}
