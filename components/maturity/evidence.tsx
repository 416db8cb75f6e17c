// What Resonance's own data shows for the questions that can be checked, the level each figure implies, and
// where the latest self-assessment is two or more levels away from it.
import { useTranslations } from "next-intl";
import {
  disagreements,
  impliedLevel,
  MATURITY_LEVELS,
  MATURITY_QUESTIONS,
  type Answers,
  type EvidenceFigure,
} from "@/lib/maturity/model";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { useFormats } from "@/components/i18n/use-formats";
import { LIVE_DAYS, LIVE_MIN } from "@/lib/maturity/service";

export function EvidenceTable({
  figures,
  answers,
  liveSurveys,
}: {
  figures: EvidenceFigure[];
  answers: Answers | null;
  liveSurveys: number;
}) {
  const t = useTranslations("reports.maturity");
  const fm = useFormats();
  const levelName = (n: number) => t(`levels.${MATURITY_LEVELS[n - 1]}`);
  const off = answers ? disagreements(answers, figures) : [];
  return (
    <Table label={t("table.label")} caption={t("table.caption", { count: liveSurveys })}>
      <THead>
        <tr>
          <Th>{t("table.figure")}</Th>
          <Th className="text-right">{t("table.share")}</Th>
          <Th>{t("table.implies")}</Th>
          <Th>{t("table.self")}</Th>
        </tr>
      </THead>
      <TBody>
        {figures.map((f) => {
          const q = MATURITY_QUESTIONS.find((x) => x.evidence === f.key);
          const d = off.find((x) => x.evidence === f.key);
          return (
            <tr key={f.key}>
              <Td>{t(`figures.${f.key}`, { min: LIVE_MIN, days: LIVE_DAYS })}</Td>
              <Td className="text-right tabular-nums whitespace-nowrap">
                {f.share === null ? t("table.noData") : fm.percent(f.share * 100, 0)}{" "}
                <span className="text-slate-500">
                  {t("table.ofTotal", { numerator: fm.count(f.numerator), denominator: fm.count(f.denominator) })}
                </span>
              </Td>
              <Td>{f.share === null ? "—" : levelName(impliedLevel(f.share))}</Td>
              <Td>
                {!answers || !q ? (
                  "—"
                ) : d ? (
                  <span className="font-medium text-red-700">
                    {t("table.disagrees", { level: levelName(d.answer) })}
                  </span>
                ) : (
                  <span>{t("table.answered", { level: levelName(answers[q.key]) })}</span>
                )}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
