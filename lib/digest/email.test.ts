// The e-mail on a hand-made digest: names are escaped in the HTML, small samples are flagged in both parts.
import { describe, expect, it } from "vitest";
import { metricsOf } from "../analytics/series";
import { compareCes, compareCsat, compareNps, emptyDistributions } from "../metrics";
import { digestLinks, renderDigestEmail } from "./email";
import type { Digest } from "./service";
import { digestThemesFromRows, type DigestThemes } from "./themes";

const none = { changes: [], significant: 0, tested: 0, tooFew: 0 };
const noThemes: DigestThemes = {
  comments: { previous: 0, current: 0 },
  changes: [],
  significant: 0,
  tested: 0,
  untested: 0,
};

function digest(npsScores: Array<{ score: number; count: number }>, themes = noThemes): Digest {
  const current = metricsOf({ ...emptyDistributions(), nps: npsScores });
  const previous = metricsOf(emptyDistributions());
  return {
    org: { id: "o1", name: `<script>alert("x")</script> & Sons` },
    period: { from: new Date("2026-11-09T00:00:00Z"), to: new Date("2026-11-16T00:00:00Z") },
    previousPeriod: { from: new Date("2026-11-02T00:00:00Z"), to: new Date("2026-11-09T00:00:00Z") },
    headline: {
      current,
      previous,
      change: {
        nps: compareNps(previous.nps, current.nps),
        csat: compareCsat(previous.csat, current.csat),
        ces: compareCes(previous.ces, current.ces),
      },
    },
    touchpoints: none,
    journeys: none,
    themes,
    newDetractors: 3,
    interactions: 0,
    openCases: 2,
    overdueCases: 1,
    generatedAt: new Date("2026-11-16T08:00:00Z"),
  };
}

describe("renderDigestEmail", () => {
  const links = digestLinks("http://127.0.0.1:3000/", new Date("2026-11-16T00:00:00Z"));

  it("escapes the organization's name in the HTML part and keeps it as typed in the text part", () => {
    const e = renderDigestEmail(digest([{ score: 10, count: 40 }]), links);
    expect(e.html).not.toContain("<script>");
    expect(e.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons");
    expect(e.text).toContain(`Weekly CX digest for <script>alert("x")</script> & Sons`);
    expect(e.html).toContain('href="http://127.0.0.1:3000/reports/digest?weekEnding=2026-11-16"');
  });

  it("shows a figure from 29 responses flagged as too few, never hidden, and 30 responses plainly", () => {
    const few = renderDigestEmail(
      digest([
        { score: 10, count: 20 },
        { score: 0, count: 9 },
      ]),
      links,
    );
    expect(few.subject).toMatch(/: NPS 38 \(too few responses\)$/); // 100·(20 − 9)/29 = 37.9
    // The figure stays; its interval does not (lib/metrics/format.ts, shownInterval).
    expect(few.text).toContain("NPS: 38, too few responses (n = 29)");
    expect(few.text).not.toContain("\u00b1");
    expect(few.html).toContain("too few responses (n&nbsp;=&nbsp;29)");
    const enough = renderDigestEmail(
      digest([
        { score: 10, count: 21 },
        { score: 0, count: 9 },
      ]),
      links,
    );
    expect(enough.subject).toMatch(/: NPS 40$/);
    expect(enough.text).toContain(", n = 30; no responses in one of the weeks");
    expect(enough.text).toContain("NPS: 40 \u00b1");
  });

  it("says when there were no responses at all and no significant changes", () => {
    const e = renderDigestEmail(digest([]), links);
    expect(e.subject).toMatch(/: no NPS responses$/);
    expect(e.text).toContain("NPS: \u2014, no responses (n = 0)");
    expect(e.text).toContain("Biggest significant changes by touchpoint:\n  No significant changes.");
    expect(e.text).toContain("Open cases: 2 (1 overdue)");
  });

  it("lists the significant theme changes with shares, n and the adjusted p-value; says when none is significant", () => {
    // docs/metrics.md, "Themes" (its digest example): 400 comments last week, 500 this week; only billing (40 → 90) is a discovery.
    const taxonomy = [
      { key: "billing", name: "Billing & <fees>" },
      { key: "staff", name: "Staff" },
      { key: "waiting-time", name: "Waiting time" },
    ];
    const comments = [
      { key: "previous", comments: 400n },
      { key: "current", comments: 500n },
    ];
    const mentions = [
      ["billing", 40, 90],
      ["staff", 20, 42],
      ["waiting-time", 60, 60],
      ["archived", 1, 80], // not a live theme: left out
    ].flatMap(([theme, before, after]) => [
      { key: "previous", theme: theme as string, mentions: BigInt(before) },
      { key: "current", theme: theme as string, mentions: BigInt(after) },
    ]);
    const themes = digestThemesFromRows(taxonomy, comments, mentions);
    expect(themes.tested).toBe(3);
    expect(themes.changes.map((c) => c.theme)).toEqual(["billing"]);
    // m = 3: billing's p 0.000693 × 3 / 1 = 0.00208
    expect(themes.changes[0]!.adjustedP).toBeCloseTo(0.00069279 * 3, 6);
    const e = renderDigestEmail(digest([], themes), links);
    expect(e.text).toContain(
      "Biggest significant changes in what customers write about:\n  - Billing & <fees>: 10.0 % \u2192 18.0 % of comments, up 8.0 points (n = 400 \u2192 500 comments; adjusted p = 0.0021)",
    );
    expect(e.html).toContain("<strong>Billing &amp; &lt;fees&gt;</strong>: 10.0 % \u2192 18.0 % of comments");
    expect(e.html).toContain("n&nbsp;=&nbsp;400 \u2192 500 comments");

    const quiet = renderDigestEmail(digest([]), links);
    expect(quiet.text).toContain(
      "Biggest significant changes in what customers write about:\n  No theme's share of comments changed significantly between the two weeks.\n  Too few analysed comments to test (n = 0 \u2192 0;",
    );
    expect(quiet.html).toContain("No theme&#39;s share of comments changed significantly");
  });

  it("writes German with German numbers and weeks, the same figures; English is the default", () => {
    const d = digest([
      { score: 10, count: 1000 },
      { score: 0, count: 234 },
    ]);
    const de = renderDigestEmail(d, links, "de");
    // 100·(1000 − 234)/1234 = 62.07
    expect(de.subject).toBe('CX-Wochenübersicht, <script>alert("x")</script> & Sons, 9.–15. Nov. 2026: NPS 62');
    expect(de.text).toContain("NPS: 62 \u00b1 ");
    expect(de.text).toContain(", n = 1.234; keine Antworten in einer der Wochen (Woche davor: keine Antworten)");
    expect(de.text).toContain("Offene Fälle: 2 (1 überfällig)");
    expect(de.text).toContain(
      "Größte signifikante Veränderungen nach Berührungspunkt:\n  Keine signifikanten Veränderungen.",
    );
    expect(de.html).toContain('<html lang="de">');
    expect(de.html).toContain("n&nbsp;=&nbsp;1.234");
    expect(de.html).not.toMatch(/Weekly|Headline|Open cases/);
    const en = renderDigestEmail(d, links);
    expect(en).toEqual(renderDigestEmail(d, links, "en"));
    expect(en.text).toContain(", n = 1234; no responses in one of the weeks");
    expect(en.html).toContain('<html lang="en">');
  });
});
