"use client";
// The four service-blueprint lanes of one stage as textareas; Save sends only this stage's lanes.
import { useState, type FormEvent } from "react";
import { BLUEPRINT_LANES, type BlueprintLane } from "@/lib/journeys/editor-schema";
import { useTranslations } from "next-intl";
import type { EditorStage } from "@/lib/journeys/editor";
import { Button } from "../ui/button";
import { useSend, type FieldErrors } from "./api";
import { Textarea } from "./fields";

/** The lanes with a hint under their label (journeys.editor.blueprint.hints). */
const HINTED = { frontstage: true, backstage: true } as const;
const hinted = (lane: BlueprintLane): lane is keyof typeof HINTED => lane in HINTED;

export function BlueprintForm({ stage, onSaved }: { stage: EditorStage; onSaved: (message: string) => void }) {
  const t = useTranslations("journeys.editor.blueprint");
  const send = useSend();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = Object.fromEntries(BLUEPRINT_LANES.map((lane) => [lane, String(f.get(lane) ?? "")]));
    setPending(true);
    const res = await send("PATCH", `/api/v1/stages/${stage.id}`, body);
    setPending(false);
    setErrors(res.ok ? {} : res.fieldErrors);
    if (res.ok) onSaved(t("saved", { name: stage.name }));
  }

  return (
    <details className="group mt-3 rounded-md border border-slate-200 bg-slate-50/60">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">{t("heading")}</summary>
      <form onSubmit={submit} className="flex flex-col gap-2 px-3 pb-3">
        {BLUEPRINT_LANES.map((lane) => (
          <Textarea
            key={lane}
            id={`bp-${stage.id}-${lane}`}
            name={lane}
            label={t(`lanes.${lane}`)}
            hint={hinted(lane) ? t(`hints.${lane}`) : undefined}
            defaultValue={stage.blueprint[lane] ?? ""}
            error={errors[lane]}
            rows={2}
          />
        ))}
        <Button type="submit" size="sm" variant="secondary" disabled={pending} className="self-start">
          {pending ? t("saving") : t("save")}
        </Button>
      </form>
    </details>
  );
}
