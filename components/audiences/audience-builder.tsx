"use client";
// The audience builder: a name, criteria rows that must all hold, and a live preview (matched, who cannot be
// reached by e-mail and why, the first customers) recomputed on the server a moment after each change. Editing a
// saved audience whose stored definition no longer parses, the preview says so and shows that it matches no one
// until a new definition is saved.
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Loader2, Plus, Trash2 } from "lucide-react";
import type { FieldErrors } from "@/lib/auth/action";
import {
  CONSENT_STATES,
  NPS_CATEGORIES,
  type CriterionType,
  type DefinitionProblem,
  type ValueType,
} from "@/lib/audiences/definition";
import type { AudiencePreview } from "@/lib/audiences/service";
import { previewAudienceAction, saveAudienceAction } from "@/app/_actions/audiences";
import { Input } from "@/components/ui/input";
import { Select, type Option } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { CRITERION_LABELS, emptyRow, toDefinition, type Row } from "./criteria";

type Props = {
  audienceId?: string;
  initialName?: string;
  initialRows?: Row[];
  /** The saved definition no longer parses: what is wrong with it (it matches no one until saved again). */
  invalidDefinition?: DefinitionProblem[] | null;
  touchpoints: Option[];
  journeys: Option[];
  outcomes: Option[];
};

const TYPE_OPTIONS = (Object.keys(CRITERION_LABELS) as CriterionType[]).map((t) => ({
  value: t,
  label: CRITERION_LABELS[t],
}));
const CONSENT_LABELS: Record<(typeof CONSENT_STATES)[number], string> = {
  given: "Given",
  refused: "Opted out",
  not_asked: "Not asked",
};
const NPS_LABELS: Record<(typeof NPS_CATEGORIES)[number], string> = {
  promoter: "Promoter (9–10)",
  passive: "Passive (7–8)",
  detractor: "Detractor (0–6)",
};
const VALUE_TYPE_OPTIONS: Array<{ value: ValueType; label: string }> = [
  { value: "text", label: "Text" },
  { value: "number", label: "Number" },
  { value: "boolean", label: "Yes / no" },
];
const VALUE_HINTS: Record<ValueType, string> = {
  text: "Compared exactly, as typed (01234 stays 01234)",
  number: "A number such as 12 or 4.5",
  boolean: "",
};

const REASON_LABELS: Record<keyof AudiencePreview["excluded"], string> = {
  erased: "Erased",
  opted_out: "Opted out of surveys",
  no_email: "No e-mail address",
  no_external_id: "No external id (the signed link needs one)",
  bouncing: "Address bouncing",
};

function Checks({
  id,
  legend,
  options,
  checked,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  checked: string[];
  onChange: (next: string[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-1" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-9 items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4"
              checked={checked.includes(o.value)}
              onChange={(e) =>
                onChange(e.target.checked ? [...checked, o.value] : checked.filter((v) => v !== o.value))
              }
            />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function AudienceBuilder({
  audienceId,
  initialName = "",
  initialRows = [],
  invalidDefinition = null,
  touchpoints,
  journeys,
  outcomes,
}: Props) {
  const router = useRouter();
  const [name, setName] = useState(initialName);
  const [rows, setRows] = useState<Row[]>(initialRows);
  // keys of added rows follow the saved ones' (1…n): unique within this builder, whatever else is on the page
  const lastKey = useRef(Math.max(0, ...initialRows.map((r) => r.key)));
  const [preview, setPreview] = useState<AudiencePreview | null>(null);
  const [previewErrors, setPreviewErrors] = useState<FieldErrors>({});
  const [countedKey, setCountedKey] = useState<string | null>(null);
  const [saveErrors, setSaveErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [saving, startSaving] = useTransition();
  const latest = useRef(0);

  const definition = toDefinition(rows);
  const definitionKey = JSON.stringify(definition);
  // An unreadable saved definition, not yet edited: the saved audience matches no one; nothing to preview.
  const [untouchedKey] = useState(definitionKey);
  const showingInvalid = !!invalidDefinition?.length && definitionKey === untouchedKey;
  const counting = !showingInvalid && countedKey !== definitionKey;

  useEffect(() => {
    const ticket = ++latest.current;
    if (showingInvalid) return;
    const timer = setTimeout(async () => {
      const result = await previewAudienceAction({ definition: JSON.parse(definitionKey), audienceId });
      if (ticket !== latest.current) return; // a newer change is being counted
      setCountedKey(definitionKey);
      if (result.ok) {
        setPreview(result.data);
        setPreviewErrors({});
      } else setPreviewErrors(result.fieldErrors ?? { form: result.message });
    }, 350);
    return () => clearTimeout(timer);
  }, [definitionKey, audienceId, showingInvalid]);

  const errors = { ...previewErrors, ...saveErrors };
  const err = (i: number, field: string) => errors[`definition.criteria.${i}.${field}`];
  /** The first error of a list field or of any of its entries (`values`, `values.2`). */
  const listErr = (i: number, field: string) =>
    err(i, field) ?? Object.entries(errors).find(([k]) => k.startsWith(`definition.criteria.${i}.${field}.`))?.[1];
  const update = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function save() {
    setMessage(null);
    startSaving(async () => {
      const result = await saveAudienceAction(audienceId ?? null, { name, definition });
      if (!result.ok) {
        setSaveErrors(result.fieldErrors ?? {});
        setMessage({ tone: "error", text: result.message });
        return;
      }
      setSaveErrors({});
      if (audienceId) {
        setMessage({ tone: "success", text: "Saved." });
        router.refresh();
      } else router.push(`/settings/audiences/${result.data.id}`);
    });
  }

  return (
    <div className="grid min-w-0 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form
        className="flex min-w-0 flex-col gap-4"
        aria-label="Audience definition"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Input
          name="name"
          id="audience-name"
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          maxLength={120}
          required
        />
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">
            {showingInvalid
              ? "The saved definition cannot be read, so this audience matches no one. Build it again here and save."
              : rows.length === 0
                ? "No criteria yet: the audience is every customer. Add criteria to narrow it; all of them must hold."
                : "Customers who match all of these:"}
          </p>
          {rows.map((r, i) => (
            <fieldset
              key={r.key}
              className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3"
              data-testid="criterion"
            >
              <legend className="sr-only">Criterion {i + 1}</legend>
              <div className="flex flex-wrap items-end gap-3">
                <Select
                  id={`c${r.key}-type`}
                  name={`c${r.key}-type`}
                  label={`Criterion ${i + 1}`}
                  options={TYPE_OPTIONS}
                  value={r.type}
                  onChange={(e) => update(r.key, { ...emptyRow(e.target.value as CriterionType), key: r.key })}
                  className="min-w-0 flex-1"
                />
                <label className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={r.negate}
                    onChange={(e) => update(r.key, { negate: e.target.checked })}
                  />
                  Exclude these
                </label>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove criterion ${i + 1}`}
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                >
                  <Trash2 size={16} aria-hidden="true" />
                </Button>
              </div>
              <div className="grid min-w-0 gap-3 sm:grid-cols-2">
                {r.type === "tags" ? (
                  <>
                    <Input
                      id={`c${r.key}-tags`}
                      name={`c${r.key}-tags`}
                      label="Tags"
                      hint="Separated by commas"
                      value={r.tags}
                      onChange={(e) => update(r.key, { tags: e.target.value })}
                      error={err(i, "tags")}
                    />
                    <Select
                      id={`c${r.key}-match`}
                      name={`c${r.key}-match`}
                      label="Match"
                      options={[
                        { value: "any", label: "Any of the tags" },
                        { value: "all", label: "All of the tags" },
                      ]}
                      value={r.match}
                      onChange={(e) => update(r.key, { match: e.target.value as Row["match"] })}
                    />
                  </>
                ) : null}
                {r.type === "attribute" ? (
                  <>
                    <Input
                      id={`c${r.key}-key`}
                      name={`c${r.key}-key`}
                      label="Attribute"
                      hint="e.g. plan, region, tenureMonths"
                      value={r.attribute}
                      onChange={(e) => update(r.key, { attribute: e.target.value })}
                      error={err(i, "key")}
                    />
                    <Select
                      id={`c${r.key}-op`}
                      name={`c${r.key}-op`}
                      label="Is"
                      options={[
                        { value: "equals", label: "Equal to" },
                        { value: "in", label: "One of" },
                        { value: "range", label: "Between (numbers)" },
                      ]}
                      value={r.op}
                      onChange={(e) => {
                        const op = e.target.value as Row["op"];
                        // yes/no has one value to compare; a range is numbers
                        const valueType =
                          op === "range" ? "number" : op === "in" && r.valueType === "boolean" ? "text" : r.valueType;
                        update(r.key, { op, valueType });
                      }}
                    />
                    {r.op !== "range" ? (
                      <Select
                        id={`c${r.key}-vtype`}
                        name={`c${r.key}-vtype`}
                        label="Compared as"
                        options={
                          r.op === "in" ? VALUE_TYPE_OPTIONS.filter((o) => o.value !== "boolean") : VALUE_TYPE_OPTIONS
                        }
                        value={r.valueType}
                        onChange={(e) => {
                          const valueType = e.target.value as ValueType;
                          update(r.key, { valueType, ...(valueType === "boolean" ? { value: "true" } : {}) });
                        }}
                        error={err(i, "valueType")}
                      />
                    ) : null}
                    {r.op === "equals" && r.valueType === "boolean" ? (
                      <Select
                        id={`c${r.key}-value`}
                        name={`c${r.key}-value`}
                        label="Value"
                        options={[
                          { value: "true", label: "Yes" },
                          { value: "false", label: "No" },
                        ]}
                        value={r.value === "false" ? "false" : "true"}
                        onChange={(e) => update(r.key, { value: e.target.value })}
                        error={err(i, "value")}
                      />
                    ) : null}
                    {r.op === "equals" && r.valueType !== "boolean" ? (
                      <Input
                        id={`c${r.key}-value`}
                        name={`c${r.key}-value`}
                        label="Value"
                        hint={VALUE_HINTS[r.valueType]}
                        inputMode={r.valueType === "number" ? "decimal" : undefined}
                        value={r.value}
                        onChange={(e) => update(r.key, { value: e.target.value })}
                        error={err(i, "value")}
                      />
                    ) : null}
                    {r.op === "in" ? (
                      <Input
                        id={`c${r.key}-values`}
                        name={`c${r.key}-values`}
                        label="Values"
                        hint={r.valueType === "number" ? "Numbers, separated by commas" : "Separated by commas"}
                        value={r.values}
                        onChange={(e) => update(r.key, { values: e.target.value })}
                        error={listErr(i, "values")}
                      />
                    ) : null}
                    {r.op === "range" ? (
                      <>
                        <Input
                          id={`c${r.key}-min`}
                          name={`c${r.key}-min`}
                          label="From"
                          inputMode="decimal"
                          value={r.min}
                          onChange={(e) => update(r.key, { min: e.target.value })}
                          error={err(i, "min")}
                        />
                        <Input
                          id={`c${r.key}-max`}
                          name={`c${r.key}-max`}
                          label="To"
                          inputMode="decimal"
                          value={r.max}
                          onChange={(e) => update(r.key, { max: e.target.value })}
                          error={err(i, "max")}
                        />
                      </>
                    ) : null}
                  </>
                ) : null}
                {r.type === "language" ? (
                  <Input
                    id={`c${r.key}-languages`}
                    name={`c${r.key}-languages`}
                    label="Languages"
                    hint="Codes such as en, de, pt-br; the language attribute, else the latest answer's language"
                    value={r.languages}
                    onChange={(e) => update(r.key, { languages: e.target.value })}
                    error={err(i, "languages") ?? err(i, "languages.0")}
                  />
                ) : null}
                {r.type === "consent" ? (
                  <Checks
                    id={`c${r.key}-states`}
                    legend="Consent to surveys"
                    options={CONSENT_STATES.map((s) => ({ value: s, label: CONSENT_LABELS[s] }))}
                    checked={r.states}
                    onChange={(states) => update(r.key, { states })}
                    error={err(i, "states")}
                  />
                ) : null}
                {r.type === "interaction" ? (
                  <>
                    <Select
                      id={`c${r.key}-touchpoint`}
                      name={`c${r.key}-touchpoint`}
                      label="At touchpoint"
                      options={[{ value: "", label: "Any touchpoint" }, ...touchpoints]}
                      value={r.touchpointId}
                      onChange={(e) => update(r.key, { touchpointId: e.target.value })}
                      error={err(i, "touchpointId")}
                    />
                    <Select
                      id={`c${r.key}-outcome`}
                      name={`c${r.key}-outcome`}
                      label="With outcome"
                      options={[{ value: "", label: "Any outcome" }, ...outcomes]}
                      value={r.outcome}
                      onChange={(e) => update(r.key, { outcome: e.target.value })}
                    />
                    <Input
                      id={`c${r.key}-days`}
                      name={`c${r.key}-days`}
                      label="In the last … days"
                      inputMode="numeric"
                      value={r.days}
                      onChange={(e) => update(r.key, { days: e.target.value })}
                      error={err(i, "days")}
                    />
                  </>
                ) : null}
                {r.type === "lastNps" ? (
                  <Checks
                    id={`c${r.key}-categories`}
                    legend="Latest NPS answer was"
                    options={NPS_CATEGORIES.map((c) => ({ value: c, label: NPS_LABELS[c] }))}
                    checked={r.categories}
                    onChange={(categories) => update(r.key, { categories })}
                    error={err(i, "categories")}
                  />
                ) : null}
                {r.type === "journey" ? (
                  <>
                    <Select
                      id={`c${r.key}-journey`}
                      name={`c${r.key}-journey`}
                      label="Journey"
                      options={[{ value: "", label: "Choose a journey" }, ...journeys]}
                      value={r.journeyId}
                      onChange={(e) => update(r.key, { journeyId: e.target.value })}
                      error={err(i, "journeyId")}
                    />
                    <Input
                      id={`c${r.key}-jdays`}
                      name={`c${r.key}-jdays`}
                      label="In the last … days"
                      hint="Empty: any time"
                      inputMode="numeric"
                      value={r.days}
                      onChange={(e) => update(r.key, { days: e.target.value })}
                      error={err(i, "days")}
                    />
                  </>
                ) : null}
              </div>
            </fieldset>
          ))}
          <div>
            <Button
              variant="secondary"
              onClick={() => {
                const key = ++lastKey.current;
                setRows((rs) => [...rs, emptyRow("tags", key)]);
              }}
            >
              <Plus size={16} aria-hidden="true" /> Add a criterion
            </Button>
          </div>
        </div>
        {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
        <div>
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? "Saving…" : audienceId ? "Save changes" : "Save audience"}
          </Button>
        </div>
      </form>

      <section aria-labelledby="preview-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex items-center justify-between gap-2">
          <h2 id="preview-heading" className="text-base font-semibold text-slate-900">
            Preview
          </h2>
          <p role="status" className="flex items-center gap-1 text-xs text-slate-600" data-testid="preview-status">
            {counting ? (
              <>
                <Loader2 size={14} className="animate-spin" aria-hidden="true" /> Counting…
              </>
            ) : (
              "Up to date"
            )}
          </p>
        </div>
        {showingInvalid ? (
          <div className="mt-3 flex flex-col gap-2" data-testid="preview-invalid">
            <dl>
              <dt className="text-xs text-slate-600">Match now</dt>
              <dd className="text-2xl font-semibold text-slate-900" data-testid="preview-matched">
                0
              </dd>
            </dl>
            <p className="text-sm text-slate-700">
              The saved definition is invalid, so the audience matches no customer wherever it is used. Change the
              criteria to preview a new definition.
            </p>
          </div>
        ) : null}
        {!showingInvalid && Object.keys(previewErrors).length ? (
          <p className="mt-3 text-sm text-slate-700">Correct the highlighted fields to see who matches.</p>
        ) : null}
        {preview && !showingInvalid ? (
          <div className={`mt-3 flex flex-col gap-3 ${counting ? "opacity-60" : ""}`} aria-busy={counting}>
            <dl className="grid grid-cols-2 gap-3">
              <div>
                <dt className="text-xs text-slate-600">Match now</dt>
                <dd className="text-2xl font-semibold text-slate-900" data-testid="preview-matched">
                  {preview.matched.toLocaleString("en-US")}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">Reachable by e-mail</dt>
                <dd className="text-2xl font-semibold text-slate-900" data-testid="preview-reachable">
                  {preview.reachable.toLocaleString("en-US")}
                </dd>
              </div>
            </dl>
            <div>
              <h3 className="text-sm font-medium text-slate-800">Left out of an e-mail invitation</h3>
              <ul className="mt-1 text-sm text-slate-700">
                {(Object.keys(REASON_LABELS) as Array<keyof typeof REASON_LABELS>).map((reason) => (
                  <li key={reason} className="flex justify-between gap-2" data-testid={`excluded-${reason}`}>
                    <span>{REASON_LABELS[reason]}</span>
                    <span className="tabular-nums">{preview.excluded[reason].toLocaleString("en-US")}</span>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h3 className="text-sm font-medium text-slate-800">
                {preview.sample.length ? `First ${preview.sample.length}` : "No customer matches"}
              </h3>
              <ul className="mt-1 flex flex-col text-sm">
                {preview.sample.map((c) => (
                  <li key={c.id} className="min-w-0 truncate">
                    <Link href={c.href} className="text-brand-700 underline">
                      {c.name ?? "Unnamed customer"}
                    </Link>{" "}
                    <span className="text-slate-600">{c.email ?? c.externalId ?? ""}</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
      </section>
    </div>
  );
}
