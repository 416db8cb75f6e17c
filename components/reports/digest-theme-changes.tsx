// The digest's biggest significant theme changes (lib/digest/themes.ts): the themes whose share of the analysed
// comments changed significantly between the two weeks, each with both shares, n and the Benjamini–Hochberg adjusted
// p-value, as the e-mail lists them (the same strings, lib/digest/present.ts); the empty state and what was not tested.
import { useTranslations } from "next-intl";
import type { DigestThemes } from "@/lib/digest/themes";
import { formatP } from "@/lib/digest/present";
import { MIN_N } from "@/lib/metrics";
import { useFormats } from "@/components/i18n/use-formats";
import { Table, TBody, Td, Th, THead } from "../ui/table";

export function DigestThemeChanges({ themes }: { themes: DigestThemes }) {
  const t = useTranslations("reports.digest.themes");
  const f = useFormats();
  const share = (x: number | null) => (x === null ? "—" : `${f.number(x, 1)} %`);
  const title = t("title");
  // What was not tested and why (lib/digest/present.ts, themeNotes, says the same in the e-mail).
  const { previous, current } = themes.comments;
  const notes = [
    previous < MIN_N || current < MIN_N
      ? t("notes.tooFew", { previous: f.count(previous), current: f.count(current) })
      : themes.untested > 0
        ? t("notes.untested", { count: themes.untested })
        : null,
    themes.significant > themes.changes.length
      ? t("notes.more", { count: f.count(themes.significant - themes.changes.length) })
      : null,
  ].filter((n): n is string => n !== null);
  return (
    <section aria-labelledby="digest-themes-heading" className="mb-8" data-testid="digest-themes">
      <h2 id="digest-themes-heading" className="mb-1 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        {t("description", {
          current: f.nEquals(themes.comments.current),
          previous: f.nEquals(themes.comments.previous),
        })}
      </p>
      {themes.changes.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-700">
          {t("empty")}
        </p>
      ) : (
        <Table label={title}>
          <THead>
            <tr>
              <Th>{t("theme")}</Th>
              <Th>{t("change")}</Th>
              <Th className="text-right">{t("thisWeek")}</Th>
              <Th className="text-right">{t("weekBefore")}</Th>
              <Th className="text-right">{t("adjustedP")}</Th>
            </tr>
          </THead>
          <TBody>
            {themes.changes.map((c) => {
              const up = (c.delta ?? 0) > 0;
              return (
                <tr key={c.theme}>
                  <Td className="min-w-28 font-medium text-slate-900">{c.name}</Td>
                  <Td className="font-semibold whitespace-nowrap tabular-nums">
                    <span aria-hidden="true">{up ? "▲" : "▼"} </span>
                    <span className="sr-only">{t("direction", { up: String(up) })} </span>
                    {t("points", { amount: f.number(Math.abs(c.delta ?? 0), 1) })}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {share(c.current.share)}
                    <span className="block text-xs text-slate-600">
                      {t("of", { mentions: f.count(c.current.mentions), n: f.nEquals(c.current.comments) })}
                    </span>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {share(c.previous.share)}
                    <span className="block text-xs text-slate-600">
                      {t("of", { mentions: f.count(c.previous.mentions), n: f.nEquals(c.previous.comments) })}
                    </span>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {c.adjustedP === null ? "—" : formatP(c.adjustedP, f.number)}
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
      {notes.map((n) => (
        <p key={n} className="mt-2 text-sm text-slate-600">
          {n}
        </p>
      ))}
    </section>
  );
}
