// What a touchpoint is, without its controls: name, kind, channel, unit, promise and targets. The editor's
// touchpoint item adds the buttons; the read-only outline (a unit-scoped member's view) shows it as it is.
import { useTranslations } from "next-intl";
import type { EditorTouchpoint } from "@/lib/journeys/editor";
import type { Formats } from "@/lib/i18n/format";
import { useFormats } from "@/components/i18n/use-formats";
import { Badge } from "../ui/badge";
import { useTouchpointWords } from "./touchpoint-words";

/** "CSAT 4.2 · NPS 30" (the targets as entered, in the page's number format), null without targets. */
function targetsList(t: EditorTouchpoint["targets"], f: Formats): string | null {
  const value = (x: number) => f.number(x, Number.isInteger(x) ? 0 : String(x).split(".")[1].length);
  const parts = [
    t.csat !== null ? `CSAT ${value(t.csat)}` : null,
    t.ces !== null ? `CES ${value(t.ces)}` : null,
    t.nps !== null ? `NPS ${value(t.nps)}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

export function touchpointItemClass(archived: boolean): string {
  return `rounded-md border p-3 text-sm ${archived ? "border-dashed border-slate-300 bg-slate-50 text-slate-600" : "border-slate-200 bg-white shadow-sm"}`;
}

/** `unitName`: shown when given (the outline names the touchpoint's unit; the editor shows it in the dialog). */
export function TouchpointSummary({ tp, unitName }: { tp: EditorTouchpoint; unitName?: string | null }) {
  const archived = tp.archivedAt !== null;
  const t = useTranslations("journeys.editor.summary");
  const words = useTouchpointWords();
  const targets = targetsList(tp.targets, useFormats());
  return (
    <>
      <p className="font-semibold break-words text-slate-900">{tp.name}</p>
      <p className="mt-1 flex flex-wrap gap-1">
        <Badge tone="brand">{words.kind(tp.kind)}</Badge>
        <Badge>{tp.channel?.name ?? t("noChannel")}</Badge>
        {unitName ? <Badge>{unitName}</Badge> : null}
        {tp.servqualDimension ? <Badge>{words.servqual(tp.servqualDimension)}</Badge> : null}
        {archived ? <Badge tone="warn">{t("archived")}</Badge> : null}
      </p>
      {tp.promise ? <p className="mt-2 text-xs break-words text-slate-700 italic">“{tp.promise}”</p> : null}
      {targets ? <p className="mt-1 text-xs text-slate-700 tabular-nums">{t("targets", { targets })}</p> : null}
    </>
  );
}
