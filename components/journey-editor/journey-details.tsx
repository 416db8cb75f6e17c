"use client";
// The journey's own name and description (edit in place) and archive/restore of the whole journey.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { EditorJourney } from "@/lib/journeys/editor";
import { journeyUpdateSchema } from "@/lib/journeys/schema";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Input } from "../ui/input";
import { useSend, useCheck, type FieldErrors } from "./api";
import { ConfirmButton } from "./confirm-button";
import { Textarea } from "./fields";

export function JourneyDetails({
  journey,
  onChanged,
}: {
  journey: EditorJourney;
  onChanged: (message: string, error?: boolean) => void;
}) {
  const t = useTranslations("journeys.editor.details");
  const send = useSend();
  const tc = useTranslations("common");
  const check = useCheck();
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = { name: String(f.get("name") ?? ""), description: String(f.get("description") ?? "").trim() || null };
    const local = check(journeyUpdateSchema, body);
    const res = local ? null : await send("PATCH", `/api/v1/journeys/${journey.id}`, body);
    if (local || !res?.ok) return setErrors(local ?? (res && !res.ok ? res.fieldErrors : {}));
    setErrors({});
    setEditing(false);
    onChanged(t("saved"));
  }

  async function setArchived(archived: boolean) {
    const res = await send("PATCH", `/api/v1/journeys/${journey.id}`, { archived });
    onChanged(res.ok ? (archived ? t("archived") : t("restored")) : res.message, !res.ok);
  }

  if (editing)
    return (
      <form
        onSubmit={submit}
        className="mb-4 flex max-w-2xl flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <Input
          id="journey-name"
          name="name"
          label={t("name")}
          defaultValue={journey.name}
          error={errors.name}
          autoFocus
        />
        <Textarea
          id="journey-description"
          name="description"
          label={t("description")}
          defaultValue={journey.description ?? ""}
          error={errors.description}
          rows={2}
        />
        <span className="flex gap-2">
          <Button type="submit" size="sm">
            {tc("save")}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => (setEditing(false), setErrors({}))}>
            {tc("cancel")}
          </Button>
        </span>
      </form>
    );
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2">
      {journey.archivedAt ? <Badge tone="warn">{t("archivedBadge")}</Badge> : null}
      <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
        {t("edit")}
      </Button>
      {journey.archivedAt ? (
        <Button size="sm" variant="secondary" onClick={() => void setArchived(false)}>
          {t("restore")}
        </Button>
      ) : (
        <ConfirmButton
          label={t("archive")}
          question={t("archiveQuestion", { name: journey.name })}
          confirmLabel={t("archiveConfirm")}
          onConfirm={() => void setArchived(true)}
        />
      )}
    </div>
  );
}
