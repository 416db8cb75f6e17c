"use client";
// The audience builder: a name, criteria rows that must all hold, and a live preview (matched, who cannot be
// reached by e-mail and why, the first customers) recomputed on the server a moment after each change. Editing a
// saved audience whose stored definition no longer parses, the preview says so and shows that it matches no one
// until a new definition is saved. Words: `settings.audiences.builder` (the page names it in its ClientMessages).
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Loader2, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
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
import { useFormats } from "@/components/i18n/use-formats";
import { CRITERION_TYPES, emptyRow, toDefinition, type Row } from "./criteria";

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

const VALUE_TYPES: ValueType[] = ["text", "number", "boolean"];
/** The reasons a matched customer is left out of an e-mail invitation, in the order the preview lists them. */
const REASONS: Array<keyof AudiencePreview["excluded"]> = [
  "erased",
  "opted_out",
  "no_email",
  "no_external_id",
  "bouncing",
];

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
  const t = useTranslations("settings.audiences.builder");
  const f = useFormats();
  const typeOptions = CRITERION_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }));
  const valueTypeOptions = VALUE_TYPES.map((v) => ({ value: v, label: t(`valueTypes.${v}`) }));
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
        setMessage({ tone: "success", text: t("saved") });
        router.refresh();
      } else router.push(`/settings/audiences/${result.data.id}`);
    });
  }

  return (
    <div className="grid min-w-0 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form
        className="flex min-w-0 flex-col gap-4"
        aria-label={t("formLabel")}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Input
          name="name"
          id="audience-name"
          label={t("name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          maxLength={120}
          required
        />
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">
            {showingInvalid ? t("invalidIntro") : rows.length === 0 ? t("noCriteria") : t("matchAll")}
          </p>
          {rows.map((r, i) => (
            <fieldset
              key={r.key}
              className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3"
              data-testid="criterion"
            >
              <legend className="sr-only">{t("criterion", { n: i + 1 })}</legend>
              <div className="flex flex-wrap items-end gap-3">
                <Select
                  id={`c${r.key}-type`}
                  name={`c${r.key}-type`}
                  label={t("criterion", { n: i + 1 })}
                  options={typeOptions}
                  value={r.type}
                  onChange={(e) => update(r.key, { ...emptyRow(e.target.value as CriterionType), key: r.key })}
                  className="min-w-48 flex-1"
                />
                <label className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={r.negate}
                    onChange={(e) => update(r.key, { negate: e.target.checked })}
                  />
                  {t("exclude")}
                </label>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t("remove", { n: i + 1 })}
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
                      label={t("tags")}
                      hint={t("commaSeparated")}
                      value={r.tags}
                      onChange={(e) => update(r.key, { tags: e.target.value })}
                      error={err(i, "tags")}
                    />
                    <Select
                      id={`c${r.key}-match`}
                      name={`c${r.key}-match`}
                      label={t("match")}
                      options={[
                        { value: "any", label: t("matchAnyTag") },
                        { value: "all", label: t("matchAllTags") },
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
                      label={t("attribute")}
                      hint={t("attributeHint")}
                      value={r.attribute}
                      onChange={(e) => update(r.key, { attribute: e.target.value })}
                      error={err(i, "key")}
                    />
                    <Select
                      id={`c${r.key}-op`}
                      name={`c${r.key}-op`}
                      label={t("is")}
                      options={(["equals", "in", "range"] as const).map((op) => ({ value: op, label: t(`ops.${op}`) }))}
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
                        label={t("comparedAs")}
                        options={
                          r.op === "in" ? valueTypeOptions.filter((o) => o.value !== "boolean") : valueTypeOptions
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
                        label={t("value")}
                        options={[
                          { value: "true", label: t("yes") },
                          { value: "false", label: t("no") },
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
                        label={t("value")}
                        hint={t(`valueHints.${r.valueType}`)}
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
                        label={t("values")}
                        hint={r.valueType === "number" ? t("numbersHint") : t("commaSeparated")}
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
                          label={t("from")}
                          inputMode="decimal"
                          value={r.min}
                          onChange={(e) => update(r.key, { min: e.target.value })}
                          error={err(i, "min")}
                        />
                        <Input
                          id={`c${r.key}-max`}
                          name={`c${r.key}-max`}
                          label={t("to")}
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
                    label={t("languages")}
                    hint={t("languagesHint")}
                    value={r.languages}
                    onChange={(e) => update(r.key, { languages: e.target.value })}
                    error={err(i, "languages") ?? err(i, "languages.0")}
                  />
                ) : null}
                {r.type === "consent" ? (
                  <Checks
                    id={`c${r.key}-states`}
                    legend={t("consentLegend")}
                    options={CONSENT_STATES.map((s) => ({ value: s, label: t(`consentStates.${s}`) }))}
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
                      label={t("atTouchpoint")}
                      options={[{ value: "", label: t("anyTouchpoint") }, ...touchpoints]}
                      value={r.touchpointId}
                      onChange={(e) => update(r.key, { touchpointId: e.target.value })}
                      error={err(i, "touchpointId")}
                    />
                    <Select
                      id={`c${r.key}-outcome`}
                      name={`c${r.key}-outcome`}
                      label={t("withOutcome")}
                      options={[{ value: "", label: t("anyOutcome") }, ...outcomes]}
                      value={r.outcome}
                      onChange={(e) => update(r.key, { outcome: e.target.value })}
                    />
                    <Input
                      id={`c${r.key}-days`}
                      name={`c${r.key}-days`}
                      label={t("lastDays")}
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
                    legend={t("npsLegend")}
                    options={NPS_CATEGORIES.map((c) => ({ value: c, label: t(`npsCategories.${c}`) }))}
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
                      label={t("journey")}
                      options={[{ value: "", label: t("chooseJourney") }, ...journeys]}
                      value={r.journeyId}
                      onChange={(e) => update(r.key, { journeyId: e.target.value })}
                      error={err(i, "journeyId")}
                    />
                    <Input
                      id={`c${r.key}-jdays`}
                      name={`c${r.key}-jdays`}
                      label={t("lastDays")}
                      hint={t("anyTime")}
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
              <Plus size={16} aria-hidden="true" /> {t("add")}
            </Button>
          </div>
        </div>
        {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
        <div>
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? t("saving") : audienceId ? t("saveChanges") : t("saveNew")}
          </Button>
        </div>
      </form>

      <section aria-labelledby="preview-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex items-center justify-between gap-2">
          <h2 id="preview-heading" className="text-base font-semibold text-slate-900">
            {t("preview")}
          </h2>
          <p role="status" className="flex items-center gap-1 text-xs text-slate-600" data-testid="preview-status">
            {counting ? (
              <>
                <Loader2 size={14} className="animate-spin" aria-hidden="true" /> {t("counting")}
              </>
            ) : (
              t("upToDate")
            )}
          </p>
        </div>
        {showingInvalid ? (
          <div className="mt-3 flex flex-col gap-2" data-testid="preview-invalid">
            <dl>
              <dt className="text-xs text-slate-600">{t("matchNow")}</dt>
              <dd className="text-2xl font-semibold text-slate-900" data-testid="preview-matched">
                0
              </dd>
            </dl>
            <p className="text-sm text-slate-700">{t("invalidPreview")}</p>
          </div>
        ) : null}
        {!showingInvalid && Object.keys(previewErrors).length ? (
          <p className="mt-3 text-sm text-slate-700">{t("correctFields")}</p>
        ) : null}
        {preview && !showingInvalid ? (
          <div className={`mt-3 flex flex-col gap-3 ${counting ? "opacity-60" : ""}`} aria-busy={counting}>
            <dl className="grid grid-cols-2 gap-3">
              <div>
                <dt className="text-xs text-slate-600">{t("matchNow")}</dt>
                <dd className="text-2xl font-semibold text-slate-900" data-testid="preview-matched">
                  {f.count(preview.matched)}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">{t("reachable")}</dt>
                <dd className="text-2xl font-semibold text-slate-900" data-testid="preview-reachable">
                  {f.count(preview.reachable)}
                </dd>
              </div>
            </dl>
            <div>
              <h3 className="text-sm font-medium text-slate-800">{t("leftOut")}</h3>
              <ul className="mt-1 text-sm text-slate-700">
                {REASONS.map((reason) => (
                  <li key={reason} className="flex justify-between gap-2" data-testid={`excluded-${reason}`}>
                    <span>{t(`reasons.${reason}`)}</span>
                    <span className="tabular-nums">{f.count(preview.excluded[reason])}</span>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h3 className="text-sm font-medium text-slate-800">
                {preview.sample.length ? t("first", { count: f.count(preview.sample.length) }) : t("noMatch")}
              </h3>
              <ul className="mt-1 flex flex-col text-sm">
                {preview.sample.map((c) => (
                  <li key={c.id} className="min-w-0 truncate">
                    <Link href={c.href} className="text-brand-700 underline">
                      {c.name ?? t("unnamed")}
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
