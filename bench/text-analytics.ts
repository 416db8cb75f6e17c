// How well and how fast Resonance reads comments (lib/text): sentiment accuracy and macro-F1 and theme
// precision/recall on the labelled evaluation set (tests/text/evaluation.jsonl), per language and per half
// ("dev" was looked at while writing the word lists, "test" was only ever scored), next to the plain AFINN
// word list (the `sentiment` package) and the packages' own analysers (wink-nlp for English, @nlpjs/sentiment
// for German) on the same comments; then comments per second for sentiment + themes on one core (CPU time), and
// the CPU time of theme discovery over ~50,000 comments.
// Nothing is asserted here (lib/text/evaluation.test.ts keeps the floors). Figures: docs/text-analytics.md.
//   npx tsx bench/text-analytics.ts [--seconds=3] [--errors]
import { createRequire } from "node:module";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { analyse, compileTaxonomy, STARTER_TAXONOMY, starterTaxonomy, type SentimentLabel } from "../lib/text/analyse";
import { discoverPhrases, type DiscoveryGroup } from "../lib/text/discovery";
import { clearStemCaches } from "../lib/text/stem";
import {
  loadEvaluationSet,
  sentimentFigures,
  themeFigures,
  themeTotals,
  type EvaluationItem,
  type SentimentFigures,
} from "../lib/text/evaluation";
import { arg } from "./lib/timing";

const require = createRequire(import.meta.url);
const Sentiment = require("sentiment") as new () => { analyze(text: string): { score: number; comparative: number } };
interface NlpjsAnalyzer {
  process(input: { locale: string; text: string }): Promise<{ sentiment: { score: number } }>;
}
const { SentimentAnalyzer } = require("@nlpjs/sentiment") as {
  SentimentAnalyzer: new (settings: { container: unknown }) => NlpjsAnalyzer;
};
const { Container } = require("@nlpjs/core") as { Container: new () => { use(plugin: unknown): void } };
const { LangDe } = require("@nlpjs/lang-de") as { LangDe: unknown };

const seconds = Number(arg("seconds", "3"));
const HOSTILE: Array<["en" | "de", string]> = [
  ["de", "gut ".repeat(12_500) + "nicht ".repeat(12_500)],
  ["en", "not bad but ".repeat(8_000)],
  ["de", "aber schlecht obwohl ".repeat(5_000)],
];
const showErrors = process.argv.includes("--errors");
const items = loadEvaluationSet();

const afinn = new Sentiment();
const nlp = winkNLP(model);
const container = new Container();
container.use(LangDe);
const nlpjs = new SentimentAnalyzer({ container });

const sign = (x: number): SentimentLabel => (x > 0 ? "positive" : x < 0 ? "negative" : "neutral");

type Analyser = { name: string; label: (item: EvaluationItem) => Promise<SentimentLabel> | SentimentLabel };
const analysers: Record<"en" | "de", Analyser[]> = {
  en: [
    { name: "lib/text (chosen)", label: (i) => analyse(i.text, i.language).label as SentimentLabel },
    { name: "AFINN word list (sentiment 5.0.2)", label: (i) => sign(afinn.analyze(i.text).score) },
    {
      name: "wink-nlp 2.4.0 + eng-lite-web-model",
      label: (i) => sign(Number(nlp.readDoc(i.text).out(nlp.its.sentiment))),
    },
  ],
  de: [
    { name: "lib/text (chosen)", label: (i) => analyse(i.text, i.language).label as SentimentLabel },
    { name: "AFINN word list (sentiment 5.0.2)", label: (i) => sign(afinn.analyze(i.text).score) },
    {
      name: "@nlpjs/sentiment 4.26.1 + lang-de (Senticon)",
      label: async (i) => sign((await nlpjs.process({ locale: "de", text: i.text })).sentiment.score),
    },
  ],
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (f: SentimentFigures) =>
  `accuracy ${pct(f.accuracy).padStart(6)}  macro-F1 ${f.macroF1.toFixed(3)}  (F1 neg ${f.f1.negative.toFixed(2)} / neu ${f.f1.neutral.toFixed(2)} / pos ${f.f1.positive.toFixed(2)})`;

const out: string[] = [];
// Speed: CPU time of one process (one core for JavaScript) over the evaluation set's comments in a loop.
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
function rate(name: string, fn: (i: EvaluationItem) => unknown, comments = items) {
  for (const i of comments) fn(i); // warm-up: JIT, stem and theme caches
  let n = 0;
  const wallEnd = performance.now() + seconds * 1000;
  const cpu0 = cpuMs();
  while (performance.now() < wallEnd) {
    for (const i of comments) fn(i);
    n += comments.length;
  }
  const cpu = cpuMs() - cpu0;
  out.push(`  ${name.padEnd(44)} ${Math.round((n / cpu) * 1000).toLocaleString("en")} comments per CPU second`);
}
// Measured before the accuracy part: first the word lists load, then the worst case (no word cached), then the
// steady state over the evaluation set's comments (their words cached, as a process's vocabulary soon is).
const words = items.reduce((n, i) => n + i.text.split(/\s+/).length, 0);
out.push(
  `speed (${(words / items.length).toFixed(1)} words, ${Math.round(items.reduce((n, i) => n + i.text.length, 0) / items.length)} characters a comment on average)`,
);
let mark = cpuMs();
analyse("ok", "en");
analyse("ok", "de");
out.push(`  loading the word lists and the starter taxonomy: ${(cpuMs() - mark).toFixed(0)} ms CPU`);
// Worst case: every word new to the process (each word of each comment given a suffix never seen before), so
// every word is stemmed and looked up uncached. Three readings of it:
// 1. the first 2,115 such comments of the process, right after one pass over the evaluation set: the optimising
//    compiler is still at work on the uncached paths (its CPU time counts), as in a freshly started process;
// 2. the same after a warm-up on 2,115 other unseen comments (not timed): the cost per comment that stays;
// 3. the evaluation set's real words with the stem and theme caches emptied before each pass (the English
//    stemmer then strips real suffixes, which the suffixed words of 1 and 2 do not have), after 20 such passes.
// The gap between 1 and 2 is the optimising compiler, once per process: with node --no-opt, 1 reads about twice
// as high (docs/text-analytics.md, "Speed").
for (const i of items) analyse(i.text, i.language);
const unseen = (tag: string, rounds: number) =>
  Array.from({ length: rounds }, (_, round) =>
    items.map((i) => ({ text: i.text.replace(/\p{L}+/gu, (w) => `${w}${tag}${round}`), language: i.language })),
  ).flat();
const timeUnseen = (label: string, comments: { text: string; language: string }[]) => {
  mark = cpuMs();
  for (const r of comments) analyse(r.text, r.language);
  const ms = cpuMs() - mark;
  out.push(
    `  ${label.padEnd(44)} ${Math.round((comments.length / ms) * 1000).toLocaleString("en")} comments per CPU second`,
  );
};
timeUnseen("lib/text, every word new: fresh process", unseen("q", 5));
for (const r of unseen("w", 5)) analyse(r.text, r.language);
timeUnseen("lib/text, every word new: after warm-up", unseen("z", 10));
{
  const passes = 10;
  let ms = 0;
  for (let pass = -20; pass < passes; pass += 1) {
    clearStemCaches();
    const taxonomy = compileTaxonomy(STARTER_TAXONOMY); // a fresh word cache
    mark = cpuMs();
    for (const i of items) analyse(i.text, i.language, taxonomy);
    if (pass >= 0) ms += cpuMs() - mark; // the first 20 passes warm this path up
  }
  out.push(
    `  ${"lib/text, real words, caches emptied".padEnd(44)} ${Math.round(((passes * items.length) / ms) * 1000).toLocaleString("en")} comments per CPU second`,
  );
}
// Discovery over ~50,000 comments (the evaluation set repeated; negative = detractor, positive = promoter), as one
// request would run it: CPU time of discoverPhrases, stems cached as in a running process.
{
  const copies = 120;
  const corpus = Array.from({ length: copies }, (_, k) =>
    items.map((i) => ({
      id: `${i.id}-${k}`,
      text: i.text,
      language: i.language,
      group: (i.sentiment === "negative"
        ? "detractor"
        : i.sentiment === "positive"
          ? "promoter"
          : "other") as DiscoveryGroup,
    })),
  ).flat();
  mark = cpuMs();
  const found = discoverPhrases(corpus);
  out.push(
    `  ${`theme discovery, ${corpus.length.toLocaleString("en")} comments`.padEnd(44)} ${(cpuMs() - mark).toFixed(0)} ms CPU (${found.scored.toLocaleString("en")} phrases scored, ${found.phrases.length} suggested)`,
  );
}
rate("lib/text analyse (sentiment + themes)", (i) => analyse(i.text, i.language));
// Hostile input: 100,000 characters built to provoke negation and contrast rules; the cost must stay in proportion
// to the length (lib/text/analyse.test.ts checks the result, this the time).
for (const [language, text] of HOSTILE) {
  mark = cpuMs();
  analyse(text, language);
  out.push(
    `  ${`hostile ${text.length.toLocaleString("en")}-character comment (${language})`.padEnd(44)} ${(cpuMs() - mark).toFixed(0)} ms CPU`,
  );
}
rate("AFINN word list (sentiment only)", (i) => afinn.analyze(i.text));
rate(
  "wink-nlp (English comments, sentiment only)",
  (i) => nlp.readDoc(i.text).out(nlp.its.sentiment),
  items.filter((i) => i.language === "en"),
);

console.log(`node ${process.version}; evaluation set: ${items.length} comments\n`);
for (const language of ["en", "de"] as const) {
  const inLanguage = items.filter((i) => i.language === language);
  console.log(`== ${language === "en" ? "English" : "German"}: ${inLanguage.length} comments`);
  for (const a of analysers[language]) {
    const predicted: SentimentLabel[] = [];
    for (const i of inLanguage) predicted.push(await a.label(i));
    console.log(`  ${a.name}`);
    for (const split of ["all", "dev", "test"] as const) {
      const idx = inLanguage.map((i, k) => (split === "all" || i.split === split ? k : -1)).filter((k) => k >= 0);
      const f = sentimentFigures(
        idx.map((k) => inLanguage[k].sentiment),
        idx.map((k) => predicted[k]),
      );
      console.log(`    ${split.padEnd(4)} n=${String(f.n).padEnd(3)} ${row(f)}`);
    }
  }
  // Where the chosen analyser fails: accuracy per tag (negation, mixed, irony, typo, short, long).
  const results = inLanguage.map((i) => analyse(i.text, language));
  const tags = [...new Set(inLanguage.flatMap((i) => i.tags))].sort();
  const perTag = tags.map((tag) => {
    const idx = inLanguage.map((i, k) => (i.tags.includes(tag) ? k : -1)).filter((k) => k >= 0);
    const ok = idx.filter((k) => results[k].label === inLanguage[k].sentiment).length;
    return `${tag} ${ok}/${idx.length}`;
  });
  console.log(`  lib/text by tag (correct/all): ${perTag.join(", ")}`);
  const gold = inLanguage.map((i) => i.themes);
  const found = results.map((r) => r.themes.map((t) => t.theme));
  const totals = themeTotals(gold, found);
  console.log(`  themes, all themes together: precision ${pct(totals.precision)}  recall ${pct(totals.recall)}`);
  for (const split of ["dev", "test"] as const) {
    const idx = inLanguage.map((i, k) => (i.split === split ? k : -1)).filter((k) => k >= 0);
    const t = themeTotals(
      idx.map((k) => gold[k]),
      idx.map((k) => found[k]),
    );
    console.log(`    ${split.padEnd(4)} precision ${pct(t.precision)}  recall ${pct(t.recall)}`);
  }
  for (const f of themeFigures(starterTaxonomy().themes, gold, found)) {
    console.log(
      `    ${f.theme.padEnd(22)} n=${String(f.support).padEnd(3)} precision ${pct(f.precision).padStart(6)}  recall ${pct(f.recall).padStart(6)}`,
    );
  }
  if (showErrors) {
    inLanguage.forEach((i, k) => {
      if (results[k].label !== i.sentiment) console.log(`    ${i.id} ${i.sentiment} → ${results[k].label}: ${i.text}`);
    });
  }
  console.log();
}

for (const line of out) console.log(line);
