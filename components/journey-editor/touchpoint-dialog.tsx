"use client";
// Add or edit a touchpoint and its promise in a modal dialog: name, kind, channel, the promise in words, the
// targets (CSAT 1–5, CES 1–7, NPS −100..100) and the SERVQUAL dimension; when editing, also its stage (move).
// Errors show next to their fields, from the shared schema first and then from the server.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { touchpointCreateSchema, touchpointUpdateSchema } from "@/lib/journeys/editor-schema";
import type { EditorTouchpoint } from "@/lib/journeys/editor";
import { Button } from "../ui/button";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { useSend, useCheck, type FieldErrors } from "./api";
import { Textarea } from "./fields";
import { useTouchpointWords } from "./touchpoint-words";

type Channel = { id: string; name: string };
type UnitOption = { id: string; label: string };
type StageOption = { id: string; name: string };

const num = (v: FormDataEntryValue | null) => {
  const s = String(v ?? "").trim();
  return s === "" ? null : Number(s.replace(",", "."));
};

export function TouchpointDialog({
  open,
  onClose,
  onSaved,
  stageId,
  touchpoint,
  stages,
  channels,
  units = [],
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (message: string) => void;
  stageId: string;
  touchpoint?: EditorTouchpoint;
  stages: StageOption[];
  channels: Channel[];
  /** The organization's active units; the field shows only where there are some (docs/hierarchy.md). */
  units?: UnitOption[];
}) {
  const tr = useTranslations("journeys.editor.dialog");
  const send = useSend();
  const tc = useTranslations("common");
  const words = useTouchpointWords();
  const check = useCheck();
  const ref = useRef<HTMLDialogElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const prefix = touchpoint ? `tp-${touchpoint.id}` : `tp-new-${stageId}`;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setErrors({});
      setMessage(null);
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = {
      ...(touchpoint ? { stageId: String(f.get("stageId")) } : { stageId }),
      name: String(f.get("name") ?? ""),
      kind: String(f.get("kind") ?? ""),
      channelId: String(f.get("channelId") ?? "") || null,
      promise: String(f.get("promise") ?? ""),
      targetCsat: num(f.get("targetCsat")),
      targetCes: num(f.get("targetCes")),
      targetNps: num(f.get("targetNps")),
      servqualDimension: String(f.get("servqualDimension") ?? "") || null,
      ...(f.has("unitId") ? { unitId: String(f.get("unitId")) || null } : {}),
    };
    const local = check(touchpoint ? touchpointUpdateSchema : touchpointCreateSchema, body);
    if (local) {
      setErrors(local);
      setMessage(tr("check"));
      return;
    }
    setPending(true);
    const res = touchpoint
      ? await send("PATCH", `/api/v1/touchpoints/${touchpoint.id}`, body)
      : await send("POST", "/api/v1/touchpoints", body);
    setPending(false);
    if (!res.ok) {
      setErrors(res.fieldErrors);
      setMessage(res.message);
      return;
    }
    onSaved(touchpoint ? tr("saved", { name: body.name }) : tr("added", { name: body.name }));
    onClose();
  }

  const t = touchpoint;
  const err = (name: string) => errors[name];
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={`${prefix}-title`}
      className="m-auto w-[min(36rem,calc(100vw-1.5rem))] rounded-lg border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open ? (
        <form onSubmit={submit} noValidate className="flex max-h-[85vh] flex-col gap-3 overflow-y-auto p-5">
          <h2 id={`${prefix}-title`} className="text-lg font-semibold text-slate-900">
            {t ? tr("editTitle", { name: t.name }) : tr("addTitle")}
          </h2>
          {message ? (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-danger">
              {message}
            </p>
          ) : null}
          <Input
            id={`${prefix}-name`}
            name="name"
            label={tr("name")}
            defaultValue={t?.name}
            error={err("name")}
            required
            autoFocus
          />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Select
              id={`${prefix}-kind`}
              name="kind"
              label={tr("kind")}
              options={words.kindOptions}
              defaultValue={t?.kind ?? "digital"}
              error={err("kind")}
            />
            <Select
              id={`${prefix}-channel`}
              name="channelId"
              label={tr("channel")}
              options={[
                { value: "", label: tr("noChannel") },
                ...channels.map((c) => ({ value: c.id, label: c.name })),
              ]}
              defaultValue={t?.channel?.id ?? ""}
              error={err("channelId")}
            />
          </div>
          {t ? (
            <Select
              id={`${prefix}-stage`}
              name="stageId"
              label={tr("stage")}
              hint={tr("stageHint")}
              options={stages.map((s) => ({ value: s.id, label: s.name }))}
              defaultValue={t.stageId}
              error={err("stageId")}
            />
          ) : null}
          <Textarea
            id={`${prefix}-promise`}
            name="promise"
            label={tr("promise")}
            hint={tr("promiseHint")}
            defaultValue={t?.promise ?? ""}
            error={err("promise")}
            rows={2}
          />
          <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <legend className="mb-1 text-sm font-medium text-slate-800">{tr("targets")}</legend>
            <Input
              id={`${prefix}-csat`}
              name="targetCsat"
              label={tr("csat")}
              type="number"
              inputMode="decimal"
              step="0.1"
              min={1}
              max={5}
              defaultValue={t?.targets.csat ?? ""}
              error={err("targetCsat")}
            />
            <Input
              id={`${prefix}-ces`}
              name="targetCes"
              label={tr("ces")}
              type="number"
              inputMode="decimal"
              step="0.1"
              min={1}
              max={7}
              defaultValue={t?.targets.ces ?? ""}
              error={err("targetCes")}
            />
            <Input
              id={`${prefix}-nps`}
              name="targetNps"
              label={tr("nps")}
              type="number"
              inputMode="numeric"
              step="1"
              min={-100}
              max={100}
              defaultValue={t?.targets.nps ?? ""}
              error={err("targetNps")}
            />
          </fieldset>
          <Select
            id={`${prefix}-servqual`}
            name="servqualDimension"
            label={tr("servqual")}
            options={words.servqualOptions}
            defaultValue={t?.servqualDimension ?? ""}
            error={err("servqualDimension")}
          />
          {units.length > 0 || t?.unitId ? (
            <Select
              id={`${prefix}-unit`}
              name="unitId"
              label={tr("unit")}
              hint={tr("unitHint")}
              options={[
                { value: "", label: tr("noUnit") },
                ...units.map((u) => ({ value: u.id, label: u.label })),
                ...(t?.unitId && !units.some((u) => u.id === t.unitId)
                  ? [{ value: t.unitId, label: tr("archivedUnit") }]
                  : []),
              ]}
              defaultValue={t?.unitId ?? ""}
              error={err("unitId")}
            />
          ) : null}
          <div className="flex flex-wrap justify-end gap-2 pt-1">
            <Button variant="secondary" onClick={onClose}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? tr("saving") : t ? tr("save") : tr("add")}
            </Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
