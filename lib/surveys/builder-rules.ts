// The builder's rules over a whole question list, pure (no I/O), so the service and the unit tests share
// them. Each issue names the field as the request does ("questions.2.options.1.key"), so a form can show
// it next to the input.
//
// Versioning (docs/surveys.md, "Versioning"): a question that already has answers is LOCKED — its key, type,
// scale and existing option keys stay as they are (wording, required, skip logic and new options may
// change); removing it archives it. Any structural change (anything but wording) to a survey that is or
// was live increments Survey.version; responses keep the version they were answered under.
import type { InvalidParam } from "../http/errors";
import { METRIC_SCALES } from "../metrics/categories";
import { isMetric } from "./question-schema";
import type { QuestionDraft } from "./builder-schema";

type Issue = InvalidParam;
const issue = (name: string, reason: string): Issue => ({ name, reason, in: "body" });

/** What the rules need to know of a stored question. */
export type StoredQuestion = Pick<QuestionDraft, "key" | "type" | "scaleMin" | "scaleMax" | "options"> & {
  id: string;
  answerCount: number;
};

export type RuleContext = {
  surveyType: string;
  languages: readonly string[];
  /** The survey's current (not archived) questions. */
  existing: readonly StoredQuestion[];
  /** Keys of archived questions: still taken (their answers keep them). */
  archivedKeys: ReadonlySet<string>;
};

const MAX_SCALE_POINTS = 11;

function textIssues(path: string, texts: Record<string, string>, languages: readonly string[], what: string): Issue[] {
  return languages.filter((l) => !texts[l]?.trim()).map((l) => issue(`${path}.${l}`, `${what} is missing in ${l}`));
}

function scaleIssues(q: QuestionDraft, i: number, surveyType: string): Issue[] {
  if (q.type !== "score") {
    return q.scaleMin !== null || q.scaleMax !== null
      ? [issue(`questions.${i}.scaleMin`, "Only score questions have a scale")]
      : [];
  }
  if (q.scaleMin === null || q.scaleMax === null)
    return [issue(`questions.${i}.${q.scaleMin === null ? "scaleMin" : "scaleMax"}`, "A score question needs a scale")];
  if (q.headline && isMetric(surveyType)) {
    const m = METRIC_SCALES[surveyType];
    if (q.scaleMin !== m.min || q.scaleMax !== m.max)
      return [issue(`questions.${i}.scaleMax`, `The ${surveyType.toUpperCase()} question is scored ${m.min}–${m.max}`)];
  }
  if (q.scaleMin < 0 || q.scaleMin > 1) return [issue(`questions.${i}.scaleMin`, "The scale starts at 0 or 1")];
  if (q.scaleMax <= q.scaleMin) return [issue(`questions.${i}.scaleMax`, "The scale must end above its start")];
  if (q.scaleMax - q.scaleMin + 1 > MAX_SCALE_POINTS)
    return [issue(`questions.${i}.scaleMax`, `At most ${MAX_SCALE_POINTS} points`)];
  return [];
}

function optionIssues(q: QuestionDraft, i: number, languages: readonly string[]): Issue[] {
  const choice = q.type === "single_choice" || q.type === "multi_choice";
  if (!choice) return q.options.length ? [issue(`questions.${i}.options`, "Only choice questions have options")] : [];
  if (q.options.length < 2) return [issue(`questions.${i}.options`, "A choice question needs at least 2 options")];
  const out: Issue[] = [];
  const seen = new Set<string>();
  q.options.forEach((o, j) => {
    if (seen.has(o.key)) out.push(issue(`questions.${i}.options.${j}.key`, `Option key "${o.key}" is used twice`));
    seen.add(o.key);
    out.push(...textIssues(`questions.${i}.options.${j}.label`, o.label, languages, "The option's label"));
  });
  return out;
}

/** Skip logic must name an EARLIER question and values that question can actually have. */
function logicIssues(q: QuestionDraft, i: number, earlier: Map<string, QuestionDraft>): Issue[] {
  if (!q.showIf) return [];
  const path = `questions.${i}.showIf`;
  const ref = earlier.get(q.showIf.question);
  if (!ref) return [issue(`${path}.question`, "Skip logic must refer to an earlier question")];
  const { in: values, gte, lte } = q.showIf;
  const numeric = gte !== undefined || lte !== undefined;
  if (ref.type === "text") return [issue(`${path}.question`, "A text answer cannot drive skip logic")];
  if (ref.type === "score") {
    const min = ref.scaleMin ?? 0;
    const max = ref.scaleMax ?? 10;
    const onScale = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
    if (values && !values.every(onScale))
      return [issue(`${path}.in`, `Values must be whole numbers from ${min} to ${max}`)];
    if (gte !== undefined && !onScale(gte)) return [issue(`${path}.gte`, `Must be from ${min} to ${max}`)];
    if (lte !== undefined && !onScale(lte)) return [issue(`${path}.lte`, `Must be from ${min} to ${max}`)];
    if (gte !== undefined && lte !== undefined && gte > lte)
      return [issue(`${path}.lte`, "No score is both ≥ and ≤ these")];
    return [];
  }
  if (numeric) return [issue(`${path}.question`, "≥ and ≤ apply to score questions only")];
  if (ref.type === "yes_no")
    return values!.every((v) => typeof v === "boolean")
      ? []
      : [issue(`${path}.in`, "Values must be yes (true) or no (false)")];
  const keys = new Set(ref.options.map((o) => o.key));
  return values!.every((v) => typeof v === "string" && keys.has(v))
    ? []
    : [issue(`${path}.in`, "Values must be options of that question")];
}

/** 400-type problems: the list is not a valid survey by itself. */
export function questionIssues(questions: readonly QuestionDraft[], rc: RuleContext): Issue[] {
  const out: Issue[] = [];
  const byId = new Map(rc.existing.map((q) => [q.id, q]));
  const earlier = new Map<string, QuestionDraft>();
  const seenKeys = new Set<string>();
  const seenIds = new Set<string>();
  questions.forEach((q, i) => {
    if (q.id !== undefined && (!byId.has(q.id) || seenIds.has(q.id)))
      out.push(issue(`questions.${i}.id`, "Not a question of this survey (or listed twice)"));
    if (q.id !== undefined) seenIds.add(q.id);
    if (seenKeys.has(q.key)) out.push(issue(`questions.${i}.key`, `Key "${q.key}" is used twice`));
    else if (rc.archivedKeys.has(q.key))
      out.push(issue(`questions.${i}.key`, `Key "${q.key}" belongs to a removed question that has answers`));
    seenKeys.add(q.key);
    out.push(...textIssues(`questions.${i}.text`, q.text, rc.languages, "The question"));
    out.push(...scaleIssues(q, i, rc.surveyType));
    out.push(...optionIssues(q, i, rc.languages));
    out.push(...logicIssues(q, i, earlier));
    if (q.headline && q.type !== "score")
      out.push(issue(`questions.${i}.headline`, "Only a score question can be the headline"));
    if ((q.servqualDimension === null) !== (q.servqualRole === null))
      out.push(issue(`questions.${i}.servqualRole`, "Give both the SERVQUAL dimension and role, or neither"));
    earlier.set(q.key, q);
  });
  const headlines = questions.flatMap((q, i) => (q.headline ? [i] : []));
  if (headlines.length > 1)
    out.push(issue(`questions.${headlines[1]}.headline`, "Only one question can be the headline"));
  if (isMetric(rc.surveyType) && questions.length > 0 && headlines.length === 0)
    out.push(issue("questions", `An ${rc.surveyType.toUpperCase()} survey needs its headline score question`));
  return out;
}

/** 409-type problems: edits that would change what stored answers mean. */
export function lockIssues(questions: readonly QuestionDraft[], existing: readonly StoredQuestion[]): Issue[] {
  const out: Issue[] = [];
  const byId = new Map(existing.map((q) => [q.id, q]));
  questions.forEach((q, i) => {
    const before = q.id ? byId.get(q.id) : undefined;
    if (!before || before.answerCount === 0) return;
    const locked = `is locked: the question has ${before.answerCount} answer${before.answerCount === 1 ? "" : "s"}`;
    if (q.key !== before.key) out.push(issue(`questions.${i}.key`, `The key of "${before.key}" ${locked}`));
    if (q.type !== before.type) out.push(issue(`questions.${i}.type`, `The type of "${before.key}" ${locked}`));
    if (q.scaleMin !== before.scaleMin)
      out.push(issue(`questions.${i}.scaleMin`, `The scale of "${before.key}" ${locked}`));
    if (q.scaleMax !== before.scaleMax)
      out.push(issue(`questions.${i}.scaleMax`, `The scale of "${before.key}" ${locked}`));
    const keys = new Set(q.options.map((o) => o.key));
    const gone = before.options.filter((o) => !keys.has(o.key)).map((o) => o.key);
    if (gone.length)
      out.push(
        issue(`questions.${i}.options`, `Options ${gone.join(", ")} of "${before.key}" are locked: answers use them`),
      );
  });
  return out;
}

// A fixed-order tuple, so that stored rows and parsed requests compare equal whatever their key order.
function structure(q: QuestionDraft): unknown[] {
  const c = q.showIf;
  return [
    q.key,
    q.type,
    q.required,
    q.headline,
    q.scaleMin,
    q.scaleMax,
    q.options.map((o) => o.key),
    c ? [c.question, c.in ?? null, c.gte ?? null, c.lte ?? null] : null,
    q.servqualDimension,
    q.servqualRole,
  ];
}

/** True when anything but wording (question texts, option labels) differs, including order. */
export function isStructuralChange(
  before: readonly (QuestionDraft & { id: string })[],
  after: readonly QuestionDraft[],
): boolean {
  if (before.length !== after.length) return true;
  return before.some((b, i) => {
    const a = after[i];
    if (a.id !== b.id) return true;
    return JSON.stringify(structure(b)) !== JSON.stringify(structure(a));
  });
}
