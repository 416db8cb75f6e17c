// The campaign page's response-rate sections (docs/metrics.md, "Response rate of invitations"): the waves with
// their rates, the answers after the invitation and each reminder, and the non-response check. Tables through
// DataTable, so a phone shows each row as a card. Words in the page's language (messages/<locale>/surveys.json
// `rates`), figures through its formatters.
import Link from "next/link";
import { useTranslations } from "next-intl";
import {
  NO_INTERACTION,
  TENURE_BANDS,
  type CampaignRates,
  type ReminderRow,
  type WaveRates,
} from "@/lib/campaigns/rates";
import { shownInterval, type NonResponseRow } from "@/lib/metrics";
import type { Formats } from "@/lib/i18n/format";
import { DataTable, type Column } from "../ui/data-table";
import { Badge } from "../ui/badge";
import { useFormats } from "../i18n/use-formats";

const OUTCOMES = ["resolved", "follow_up", "escalated", "no_action"] as const;
const isOutcome = (o: string): o is (typeof OUTCOMES)[number] => (OUTCOMES as readonly string[]).includes(o);
/** The categories lib/campaigns/rates.ts names in English (the API's words): tenure bands and "no interaction". */
const CATEGORY_KEYS = new Map<string, "under3Months" | "months3To12" | "years1To3" | "years3Plus" | "noInteraction">([
  [TENURE_BANDS[0].label, "under3Months"],
  [TENURE_BANDS[1].label, "months3To12"],
  [TENURE_BANDS[2].label, "years1To3"],
  [TENURE_BANDS[3].label, "years3Plus"],
  [NO_INTERACTION, "noInteraction"],
]);

/** "38.3 % [30.1–47.3]" · "38,3 % [30,1–47,3]"; the interval only where shownInterval allows it; null without a base. */
function rateText(f: Formats, r: CampaignRates["responseRate"]): string | null {
  if (r.rate === null) return null;
  const i = shownInterval(r);
  return `${f.percent(r.rate, 1)}${i ? ` [${f.number(i.low, 1)}\u2013${f.number(i.high, 1)}]` : ""}`;
}

/** "38.3 % [30.1–47.3]" and its base; "no invitation delivered yet" without one. */
export function RateFigure({ rate, testId }: { rate: CampaignRates["responseRate"]; testId?: string }) {
  const t = useTranslations("surveys.rates");
  const f = useFormats();
  const text = rateText(f, rate);
  if (text === null) return <span className="text-slate-600">{t("noneDelivered")}</span>;
  const base = { answered: f.count(rate.answered), delivered: f.count(rate.delivered) };
  return (
    <span data-testid={testId}>
      <span className="font-semibold tabular-nums">{text}</span>{" "}
      <span className="text-slate-600">{rate.enough ? t("base", base) : t("baseFew", base)}</span>
    </span>
  );
}

export function WaveTable({ campaignId, waves }: { campaignId: string; waves: WaveRates[] }) {
  const t = useTranslations("surveys.rates.waves");
  const f = useFormats();
  const columns: Column<WaveRates>[] = [
    {
      header: t("wave"),
      cell: (w) => (
        <Link
          href={`/surveys/campaigns/${campaignId}?wave=${w.number}`}
          className="font-medium text-brand-700 underline"
        >
          {t("waveN", { n: w.number })}
        </Link>
      ),
    },
    { header: t("started"), cell: (w) => f.date(w.scheduledAt) },
    { header: t("delivered"), align: "right", className: "tabular-nums", cell: (w) => f.count(w.funnel.delivered) },
    { header: t("answered"), align: "right", className: "tabular-nums", cell: (w) => f.count(w.funnel.started) },
    { header: t("completed"), align: "right", className: "tabular-nums", cell: (w) => f.count(w.funnel.completed) },
    {
      header: t("responseRate"),
      align: "right",
      className: "tabular-nums",
      cell: (w) => rateText(f, w.responseRate) ?? "—",
    },
  ];
  return <DataTable label={t("label")} rows={waves} rowKey={(w) => w.id} columns={columns} rowHeaders tableFrom="lg" />;
}

export function ReminderTable({ rows }: { rows: ReminderRow[] }) {
  const t = useTranslations("surveys.rates.messages");
  const f = useFormats();
  const total = rows.reduce((s, r) => s + r.answered, 0);
  const columns: Column<ReminderRow>[] = [
    { header: t("message"), cell: (r) => (r.message === 0 ? t("invitation") : t("reminderN", { n: r.message })) },
    { header: t("sent"), align: "right", className: "tabular-nums", cell: (r) => f.count(r.sent) },
    {
      header: t("answeredAfter"),
      align: "right",
      className: "tabular-nums",
      cell: (r) => (
        <>
          {f.count(r.answered)}
          <span className="block text-xs text-slate-600">
            {total > 0 ? t("ofAnswers", { percent: f.percent((100 * r.answered) / total, 0) }) : "—"}
          </span>
        </>
      ),
    },
    { header: t("completed"), align: "right", className: "tabular-nums", cell: (r) => f.count(r.completed) },
  ];
  return (
    <DataTable
      label={t("label")}
      rows={rows}
      rowKey={(r) => String(r.message)}
      columns={columns}
      rowHeaders
      tableFrom="lg"
    />
  );
}

export function NonResponseTable({ view }: { view: CampaignRates["nonResponse"] }) {
  const t = useTranslations("surveys.rates.nonResponseTable");
  const outcome = useTranslations("interactions.labels.outcome");
  const f = useFormats();
  const pct = (x: number | null) => (x === null ? "—" : f.percent(x, 1));

  function verdict(r: NonResponseRow) {
    if (r.flagged) return <Badge tone="warn">{t("differs")}</Badge>;
    if (r.reason === "too_few") return <span className="text-slate-600">{t("tooFew")}</span>;
    if (r.reason === "sparse") return <span className="text-slate-600">{t("sparse")}</span>;
    return <span className="text-slate-600">{t("notSignificant")}</span>;
  }

  const columns: Column<NonResponseRow>[] = [
    {
      header: t("group"),
      cell: (r) => (
        <>
          <span className="block text-xs font-normal text-slate-600">{t(`attribute.${r.attribute}`)}</span>
          {r.attribute === "segment"
            ? r.category
            : r.attribute === "lastOutcome" && isOutcome(r.category)
              ? outcome(r.category)
              : CATEGORY_KEYS.has(r.category)
                ? t(`category.${CATEGORY_KEYS.get(r.category)!}`)
                : r.category}
        </>
      ),
    },
    {
      header: t("respondents"),
      align: "right",
      className: "tabular-nums",
      cell: (r) => `${pct(r.respondentShare)} (${f.count(r.respondents)})`,
    },
    {
      header: t("nonRespondents"),
      align: "right",
      className: "tabular-nums",
      cell: (r) => `${pct(r.nonRespondentShare)} (${f.count(r.nonRespondents)})`,
    },
    {
      header: t("difference"),
      align: "right",
      className: "tabular-nums",
      cell: (r) =>
        r.difference === null
          ? "—"
          : t("points", { value: `${r.difference > 0 ? "+" : ""}${f.number(r.difference, 1)}` }),
    },
    {
      header: t("adjustedP"),
      align: "right",
      className: "tabular-nums",
      cell: (r) =>
        r.adjustedP === null
          ? "—"
          : r.adjustedP < 0.001
            ? t("below", { value: f.number(0.001, 3) })
            : f.number(r.adjustedP, 3),
    },
    { header: t("verdict"), cell: verdict },
  ];
  return (
    <>
      <p className="mb-3 text-sm text-slate-700" data-testid="non-response-summary">
        {t("summary", { respondents: view.respondents, nonRespondents: view.nonRespondents })}{" "}
        {view.enough
          ? view.flagged > 0
            ? t("flagged", { flagged: view.flagged, tested: view.tested })
            : t("noneDiffers", { tested: view.tested })
          : t("tooFewToTest", {
              respondents: f.nEquals(view.respondents),
              nonRespondents: f.nEquals(view.nonRespondents),
            })}
        {view.omittedTags > 0 ? ` ${t("omitted", { count: view.omittedTags })}` : ""}
      </p>
      {view.rows.length ? (
        <DataTable
          label={t("label")}
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
