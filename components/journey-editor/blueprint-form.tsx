"use client";
// The four service-blueprint lanes of one stage as textareas; Save sends only this stage's lanes.
import { useState, type FormEvent } from "react";
import { BLUEPRINT_LANES, type BlueprintLane } from "@/lib/journeys/editor-schema";
import type { EditorStage } from "@/lib/journeys/editor";
import { Button } from "../ui/button";
import { send, type FieldErrors } from "./api";
import { Textarea } from "./fields";

const LABELS: Record<BlueprintLane, { label: string; hint?: string }> = {
  customerAction: { label: "Customer actions" },
  frontstage: { label: "Front-stage", hint: "What the customer sees and who they meet." },
  backstage: { label: "Back-stage", hint: "Below the line of visibility." },
  supportSystems: { label: "Support systems" },
};

export function BlueprintForm({ stage, onSaved }: { stage: EditorStage; onSaved: (message: string) => void }) {
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
    if (res.ok) onSaved(`Saved the blueprint of “${stage.name}”.`);
  }

  return (
    <details className="group mt-3 rounded-md border border-slate-200 bg-slate-50/60">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">Service blueprint</summary>
      <form onSubmit={submit} className="flex flex-col gap-2 px-3 pb-3">
        {BLUEPRINT_LANES.map((lane) => (
          <Textarea
            key={lane}
            id={`bp-${stage.id}-${lane}`}
            name={lane}
            label={LABELS[lane].label}
            hint={LABELS[lane].hint}
            defaultValue={stage.blueprint[lane] ?? ""}
            error={errors[lane]}
            rows={2}
          />
        ))}
        <Button type="submit" size="sm" variant="secondary" disabled={pending} className="self-start">
          {pending ? "Saving…" : "Save blueprint"}
        </Button>
      </form>
    </details>
  );
}
