// The digest's biggest significant theme changes (lib/digest/themes.ts): the themes whose share of the analysed
// comments changed significantly between the two weeks, each with both shares, n and the Benjamini–Hochberg adjusted
// p-value, as the e-mail lists them (the same strings, lib/digest/present.ts); the empty state and what was not tested.
import type { DigestThemes } from "@/lib/digest/themes";
import { formatP, NO_THEME_CHANGES, themeNotes } from "@/lib/digest/present";
import { formatNumber, nEquals } from "@/lib/metrics";
import { Table, TBody, Td, Th, THead } from "../ui/table";

const share = (x: number | null) => (x === null ? "—" : `${formatNumber(x, 1)} %`);

export function DigestThemeChanges({ themes }: { themes: DigestThemes }) {
  const title = "Biggest significant changes in what customers write about";
  return (
    <section aria-labelledby="digest-themes-heading" className="mb-8" data-testid="digest-themes">
      <h2 id="digest-themes-heading" className="mb-1 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Share of analysed comments mentioning each theme ({nEquals(themes.comments.current)} this week,{" "}
        {nEquals(themes.comments.previous)} the week before).
      </p>
      {themes.changes.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-700">
          {NO_THEME_CHANGES}
        </p>
      ) : (
        <Table label={title}>
          <THead>
            <tr>
              <Th>Theme</Th>
              <Th>Change</Th>
              <Th className="text-right">This week</Th>
              <Th className="text-right">Week before</Th>
              <Th className="text-right">Adjusted p</Th>
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
                    <span className="sr-only">{up ? "up" : "down"} </span>
                    {formatNumber(Math.abs(c.delta ?? 0), 1)} points
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {share(c.current.share)}
                    <span className="block text-xs text-slate-600">
                      {c.current.mentions} of {nEquals(c.current.comments)}
                    </span>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {share(c.previous.share)}
                    <span className="block text-xs text-slate-600">
                      {c.previous.mentions} of {nEquals(c.previous.comments)}
                    </span>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {c.adjustedP === null ? "—" : formatP(c.adjustedP)}
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
      {themeNotes(themes).map((n) => (
        <p key={n} className="mt-2 text-sm text-slate-600">
          {n}
        </p>
      ))}
    </section>
  );
}
