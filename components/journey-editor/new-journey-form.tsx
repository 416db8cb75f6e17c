"use client";
// "New journey" on the journey list (managers): name, description and optional starter stages, one a line;
// on success it opens the editor of the new journey.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { journeyCreateSchema } from "@/lib/journeys/schema";
import { Button } from "../ui/button";
import { Input } from "../ui/input";
import { useSend, useCheck, type FieldErrors } from "./api";
import { Textarea } from "./fields";

export function NewJourneyForm() {
  const t = useTranslations("journeys.new");
  const send = useSend();
  const tc = useTranslations("common");
  const router = useRouter();
  const check = useCheck();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = {
      name: String(f.get("name") ?? ""),
      description: String(f.get("description") ?? "").trim() || undefined,
      stages: String(f.get("stages") ?? "")
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean)
        .map((name) => ({ name })),
    };
    const local = check(journeyCreateSchema, body);
    if (local) return setErrors(local);
    setPending(true);
    const res = await send<{ id: string }>("POST", "/api/v1/journeys", body);
    if (!res.ok) {
      setPending(false);
      return setErrors({ ...res.fieldErrors, form: res.message });
    }
    router.push(`/journeys/${res.data.id}/edit`);
  }

  if (!open)
    return (
      <Button onClick={() => setOpen(true)}>
        <Plus aria-hidden="true" size={16} /> {t("open")}
      </Button>
    );
  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex w-full flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:w-96"
      aria-label={t("label")}
    >
      {errors.form ? (
        <p role="alert" className="text-sm text-danger">
          {errors.form}
        </p>
      ) : null}
      <Input
        id="new-journey-name"
        name="name"
        label={t("name")}
        placeholder={t("namePlaceholder")}
        error={errors.name}
        autoFocus
      />
      <Textarea
        id="new-journey-description"
        name="description"
        label={t("description")}
        error={errors.description}
        rows={2}
      />
      <Textarea
        id="new-journey-stages"
        name="stages"
        label={t("stages")}
        hint={t("stagesHint")}
        error={Object.entries(errors).find(([k]) => k.startsWith("stages"))?.[1]}
        rows={3}
      />
      <span className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("submit")}
        </Button>
        <Button variant="secondary" onClick={() => (setOpen(false), setErrors({}))}>
          {tc("cancel")}
        </Button>
      </span>
    </form>
  );
}
