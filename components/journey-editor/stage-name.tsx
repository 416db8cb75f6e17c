"use client";
// A stage's name with inline rename: Rename → a text field; Enter or Save stores it, Escape cancels.
import { useState, type FormEvent } from "react";
import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { Input } from "../ui/input";
import { useSend } from "./api";

export function StageName({ id, name, onSaved }: { id: string; name: string; onSaved: (message: string) => void }) {
  const t = useTranslations("journeys.editor.stageName");
  const send = useSend();
  const tc = useTranslations("common");
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next = String(new FormData(e.currentTarget).get("name") ?? "");
    const res = await send("PATCH", `/api/v1/stages/${id}`, { name: next });
    if (!res.ok) return setError(res.fieldErrors.name ?? res.message);
    setError(undefined);
    setEditing(false);
    onSaved(t("renamed", { name: next.trim() }));
  }

  if (!editing)
    return (
      <div className="flex min-w-0 items-start gap-1">
        <h2 className="min-w-0 flex-1 text-base font-semibold break-words text-slate-900">{name}</h2>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setEditing(true)}
          aria-label={t("renameLabel", { name })}
          title={t("rename")}
        >
          <Pencil aria-hidden="true" size={15} />
        </Button>
      </div>
    );
  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-2"
      onKeyDown={(e) => e.key === "Escape" && (e.stopPropagation(), setEditing(false), setError(undefined))}
    >
      <Input id={`stage-name-${id}`} name="name" label={t("label")} defaultValue={name} error={error} autoFocus />
      <span className="flex gap-2">
        <Button type="submit" size="sm">
          {tc("save")}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => (setEditing(false), setError(undefined))}>
          {tc("cancel")}
        </Button>
      </span>
    </form>
  );
}
