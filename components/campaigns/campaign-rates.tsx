// The campaign page's response-rate sections (docs/metrics.md, "Response rate of invitations"): the waves with
// their rates, the answers after the invitation and each reminder, and the non-response check. Tables through
// DataTable, so a phone shows each row as a card.
import Link from "next/link";
import type { CampaignRates, ReminderRow, WaveRates } from "@/lib/campaigns/rates";
import { formatNumber, formatResponseRate, nEquals, type NonResponseRow } from "@/lib/metrics";
import { DataTable, type Column } from "../ui/data-table";
import { Badge } from "../ui/badge";
import { formatCount, formatDate } from "../ui/format";
import { OUTCOME_LABELS } from "../interactions/labels";

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;
const pct = (x: number | null, decimals = 1) => (x === null ? "—" : `${formatNumber(x, decimals)}\u00a0%`);

/** "38.3 % [30.1–47.3]" and its base; "no invitation delivered yet" without one. */
export function RateFigure({ rate, testId }: { rate: CampaignRates["responseRate"]; testId?: string }) {
  const text = formatResponseRate(rate);
  if (text === null) return <span className="text-slate-600">no invitation delivered yet</span>;
  return (
    <span data-testid={testId}>
      <span className="font-semibold tabular-nums">{text}</span>{" "}
      <span className="text-slate-600">
        ({formatCount(rate.answered)} of {formatCount(rate.delivered)} delivered
        {rate.enough ? "" : ", too few for an interval"})
      </span>
    </span>
  );
}

export function WaveTable({ campaignId, waves }: { campaignId: string; waves: WaveRates[] }) {
  const columns: Column<WaveRates>[] = [
    {
      header: "Wave",
      cell: (w) => (
        <Link
          href={`/surveys/campaigns/${campaignId}?wave=${w.number}`}
          className="font-medium text-brand-700 underline"
        >
          Wave {w.number}
        </Link>
      ),
    },
    { header: "Started", cell: (w) => formatDate(w.scheduledAt) },
    { header: "Delivered", align: "right", className: "tabular-nums", cell: (w) => formatCount(w.funnel.delivered) },
    { header: "Answered", align: "right", className: "tabular-nums", cell: (w) => formatCount(w.funnel.started) },
    { header: "Completed", align: "right", className: "tabular-nums", cell: (w) => formatCount(w.funnel.completed) },
    {
      header: "Response rate",
      align: "right",
      className: "tabular-nums",
      cell: (w) => formatResponseRate(w.responseRate) ?? "—",
    },
  ];
  return <DataTable label="Waves" rows={waves} rowKey={(w) => w.id} columns={columns} rowHeaders tableFrom="lg" />;
}

const messageName = (k: number) => (k === 0 ? "Invitation" : `Reminder ${k}`);

export function ReminderTable({ rows }: { rows: ReminderRow[] }) {
  const total = rows.reduce((s, r) => s + r.answered, 0);
  const columns: Column<ReminderRow>[] = [
    { header: "Message", cell: (r) => messageName(r.message) },
    { header: "Sent", align: "right", className: "tabular-nums", cell: (r) => formatCount(r.sent) },
    {
      header: "Answered after it",
      align: "right",
      className: "tabular-nums",
      cell: (r) => (
        <>
          {formatCount(r.answered)}
          <span className="block text-xs text-slate-600">
            {total > 0 ? `${pct((100 * r.answered) / total, 0)} of answers` : "—"}
          </span>
        </>
      ),
    },
    { header: "Completed", align: "right", className: "tabular-nums", cell: (r) => formatCount(r.completed) },
  ];
  return (
    <DataTable
      label="Answers after each message"
      rows={rows}
      rowKey={(r) => String(r.message)}
      columns={columns}
      rowHeaders
      tableFrom="lg"
    />
  );
}

const ATTRIBUTE_LABELS: Record<NonResponseRow["attribute"], string> = {
  segment: "Segment",
  tenure: "Tenure",
  lastOutcome: "Last interaction",
};

function verdict(r: NonResponseRow) {
  if (r.flagged) return <Badge tone="warn">Differs</Badge>;
  if (r.reason === "too_few") return <span className="text-slate-600">too few to test</span>;
  if (r.reason === "sparse") return <span className="text-slate-600">too few in this group to test</span>;
  return <span className="text-slate-600">no significant difference</span>;
}

export function NonResponseTable({ view }: { view: CampaignRates["nonResponse"] }) {
  const columns: Column<NonResponseRow>[] = [
    {
      header: "Group",
      cell: (r) => (
        <>
          <span className="block text-xs font-normal text-slate-600">{ATTRIBUTE_LABELS[r.attribute]}</span>
          {r.attribute === "lastOutcome" ? (OUTCOME_LABELS[r.category]?.label ?? r.category) : r.category}
        </>
      ),
    },
    {
      header: "Respondents",
      align: "right",
      className: "tabular-nums",
      cell: (r) => `${pct(r.respondentShare)} (${formatCount(r.respondents)})`,
    },
    {
      header: "Non-respondents",
      align: "right",
      className: "tabular-nums",
      cell: (r) => `${pct(r.nonRespondentShare)} (${formatCount(r.nonRespondents)})`,
    },
    {
      header: "Difference",
      align: "right",
      className: "tabular-nums",
      cell: (r) => (r.difference === null ? "—" : `${r.difference > 0 ? "+" : ""}${formatNumber(r.difference, 1)} pts`),
    },
    {
      header: "Adjusted p",
      align: "right",
      className: "tabular-nums",
      cell: (r) => (r.adjustedP === null ? "—" : r.adjustedP < 0.001 ? "< 0.001" : formatNumber(r.adjustedP, 3)),
    },
    { header: "Verdict", cell: verdict },
  ];
  return (
    <>
      <p className="mb-3 text-sm text-slate-700" data-testid="non-response-summary">
        {plural(view.respondents, "respondent")} and {plural(view.nonRespondents, "non-respondent")} among the delivered
        invitations.{" "}
        {view.enough
          ? view.flagged > 0
            ? `${view.flagged} of ${view.tested} groups tested differ significantly: the answers may not speak for everyone invited.`
            : `None of the ${view.tested} groups tested differs significantly.`
          : `Too few to test: the check needs at least 30 of each (${nEquals(view.respondents)} and ${nEquals(view.nonRespondents)}).`}
        {view.omittedTags > 0 ? ` ${view.omittedTags} rarer segment tags are not shown.` : ""}
      </p>
      {view.rows.length ? (
        <DataTable
          label="Respondents and non-respondents"
          rows={[...view.rows]}
          rowKey={(r) => `${r.attribute}:${r.category}`}
          columns={columns}
          rowHeaders
          rowClassName={(r) => (r.flagged ? "bg-amber-50" : "")}
          rowTestId="non-response-row"
        />
      ) : null}
    </>
  );
}
