// Scoring a sentiment and theme analyser against the labelled evaluation set (tests/text/evaluation.jsonl,
// described in tests/text/README.md): accuracy, macro-F1, precision and recall per theme. Used by
// bench/text-analytics.ts and by the floor test beside this file (docs/text-analytics.md, "Accuracy").
import fs from "node:fs";
import path from "node:path";
import type { SentimentLabel } from "./sentiment";

export interface EvaluationItem {
  readonly id: string;
  readonly language: "en" | "de";
  /** "dev": looked at while writing the lexicons and phrases; "test": held out, only ever scored. */
  readonly split: "dev" | "test";
  readonly domain: string;
  readonly sentiment: SentimentLabel;
  readonly themes: readonly string[];
  readonly tags: readonly string[];
  readonly text: string;
}

export const EVALUATION_FILE = path.join(import.meta.dirname, "..", "..", "tests", "text", "evaluation.jsonl");

export function loadEvaluationSet(file = EVALUATION_FILE): EvaluationItem[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as EvaluationItem);
}

export const LABELS: readonly SentimentLabel[] = ["negative", "neutral", "positive"];

export interface SentimentFigures {
  readonly n: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly f1: Readonly<Record<SentimentLabel, number>>;
}

function f1Of(tp: number, fp: number, fn: number): number {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export function sentimentFigures(
  gold: readonly SentimentLabel[],
  predicted: readonly SentimentLabel[],
): SentimentFigures {
  let correct = 0;
  const f1 = {} as Record<SentimentLabel, number>;
  for (let i = 0; i < gold.length; i += 1) if (gold[i] === predicted[i]) correct += 1;
  for (const label of LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i += 1) {
      if (predicted[i] === label && gold[i] === label) tp += 1;
      else if (predicted[i] === label) fp += 1;
      else if (gold[i] === label) fn += 1;
    }
    f1[label] = f1Of(tp, fp, fn);
  }
  return {
    n: gold.length,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: (f1.negative + f1.neutral + f1.positive) / 3,
    f1,
  };
}

export interface ThemeFigures {
  readonly theme: string;
  /** Comments labelled with the theme. */
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function themeFigures(
  themes: readonly string[],
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): ThemeFigures[] {
  return themes.map((theme) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i += 1) {
      const g = gold[i].includes(theme);
      const p = predicted[i].includes(theme);
      if (g && p) tp += 1;
      else if (p) fp += 1;
      else if (g) fn += 1;
    }
    return {
      theme,
      support: tp + fn,
      precision: tp + fp === 0 ? 0 : tp / (tp + fp),
      recall: tp + fn === 0 ? 0 : tp / (tp + fn),
      f1: f1Of(tp, fp, fn),
    };
  });
}

/** Micro-averaged precision and recall over all themes. */
export function themeTotals(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i += 1) {
    for (const t of predicted[i])
      if (gold[i].includes(t)) tp += 1;
      else fp += 1;
    for (const t of gold[i]) if (!predicted[i].includes(t)) fn += 1;
  }
  return { precision: tp + fp === 0 ? 0 : tp / (tp + fp), recall: tp + fn === 0 ? 0 : tp / (tp + fn) };
}
