"use client";
// "New stage": a name and Add stage; the server's message for a bad name shows next to the field.
import { useState, type FormEvent } from "react";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { Input } from "../ui/input";
import { useSend } from "./api";

export function NewStageForm({
  journeyId,
  onAdded,
}: {
  journeyId: string;
  onAdded: (message: string) => Promise<void>;
}) {
  const t = useTranslations("journeys.editor.newStage");
  const send = useSend();
  const [error, setError] = useState<string | undefined>();

  async function addStage(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    const res = await send("POST", `/api/v1/journeys/${journeyId}/stages`, { name });
    if (!res.ok) return setError(res.fieldErrors.name ?? res.message);
    setError(undefined);
    form.reset();
    await onAdded(t("added", { name: name.trim() }));
  }

  return (
    <form onSubmit={addStage} className="mb-4 flex flex-wrap items-end gap-2">
      <Input
        id="new-stage-name"
        name="name"
        label={t("label")}
        placeholder={t("placeholder")}
        error={error}
        className="w-full sm:w-72"
      />
      <Button type="submit">
        <Plus aria-hidden="true" size={15} /> {t("submit")}
      </Button>
    </form>
  );
}
