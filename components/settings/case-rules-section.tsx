"use client";
// Settings → Follow-up cases (managers and admins): when a case is opened (per metric threshold, interactions
// marked follow-up), when it is due, who gets it; and the root causes agents choose from when working a case.
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { updateCaseRulesAction, updateRootCausesAction } from "@/app/_actions/case-settings";
import type { CaseRules } from "@/lib/cases/rules";
import { isRole } from "@/lib/auth/roles";
import { Section } from "../ui/page-header";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { RadioGroup } from "../import/radio-group";

type Owner = { id: string; name: string; role: string };

const METRICS = [
  { key: "nps", label: "NPS", min: 0, max: 10 },
  { key: "csat", label: "CSAT", min: 1, max: 5 },
  { key: "ces", label: "CES", min: 1, max: 7 },
] as const;

function RulesForm({ rules, owners }: { rules: CaseRules; owners: Owner[] }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(updateCaseRulesAction);
  const [mode, setMode] = useState(rules.assignTo ? "fixed" : "round_robin");
  const t = useTranslations("settings.caseRules");
  const c = useTranslations("common");
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      aria-label={t("formLabel")}
      noValidate
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <fieldset className="min-w-0">
        <legend className="text-sm font-semibold text-slate-900">{t("threshold")}</legend>
        <div className="mt-2 grid grid-cols-1 gap-4 sm:grid-cols-3">
          {METRICS.map((m) => (
            <div key={m.key} className="flex min-w-0 flex-col gap-2">
              <div className="flex items-center gap-2">
                <input
                  id={`rule-${m.key}-enabled`}
                  type="checkbox"
                  name={`${m.key}Enabled`}
                  defaultChecked={rules[m.key].enabled}
                  className="size-4"
                />
                <label htmlFor={`rule-${m.key}-enabled`} className="text-sm font-medium text-slate-800">
                  {t("ruleOn", { metric: m.label })}
                </label>
              </div>
              <Input
                id={`rule-${m.key}-max`}
                name={`${m.key}Max`}
                type="number"
                inputMode="numeric"
                min={m.min}
                max={m.max}
                label={t("thresholdLabel", { metric: m.label })}
                hint={t(`hints.${m.key}`)}
                defaultValue={rules[m.key].maxScore}
                error={fieldErrors?.[`${m.key}.maxScore`]}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-2">
        <input
          id="rule-interaction"
          type="checkbox"
          name="interactionFollowUp"
          defaultChecked={rules.interactionFollowUp}
          className="size-4"
        />
        <label htmlFor="rule-interaction" className="text-sm font-medium text-slate-800">
          {t("interaction")}
        </label>
      </div>
      <Input
        id="rule-due"
        name="dueHours"
        type="number"
        inputMode="numeric"
        min={1}
        max={720}
        label={t("due")}
        defaultValue={rules.dueHours}
        error={fieldErrors?.dueHours}
        className="sm:w-56"
      />
      <RadioGroup
        name="assignMode"
        legend={t("assign")}
        value={mode}
        onChange={setMode}
        options={[
          { value: "round_robin", label: t("roundRobin"), hint: t("roundRobinHint") },
          { value: "fixed", label: t("fixed") },
        ]}
      />
      {mode === "fixed" ? (
        <Select
          id="rule-assign-to"
          name="assignTo"
          label={t("owner")}
          defaultValue={rules.assignTo ?? ""}
          options={[
            { value: "", label: t("choose") },
            ...owners.map((o) => ({
              value: o.id,
              label: t("ownerOption", {
                name: o.name,
                role: isRole(o.role) ? c(`roles.${o.role}.inSentence`) : o.role,
              }),
            })),
          ]}
          error={fieldErrors?.assignTo}
          className="sm:w-80"
        />
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingLabel={c("saving")}>
          {t("submit")}
        </SubmitButton>
      </div>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{t("saved")}</FormMessage> : null}
    </form>
  );
}

function RootCausesForm({ causes }: { causes: string[] }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(updateRootCausesAction);
  // Keys (and the inputs' ids) by position for the saved causes, the same on the server and in the browser; added
  // rows count on from there. (A module-wide counter differed between the two, so an added row could take the id of
  // a saved one and its label named two inputs.)
  const [rows, setRows] = useState(() => causes.map((value, i) => ({ key: i, value })));
  const lastKey = useRef(causes.length - 1);
  const listError = fieldErrors?.causes;
  const t = useTranslations("settings.caseRules");
  const c = useTranslations("common");
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      aria-label={t("rootCauses")}
      noValidate
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <p className="text-sm text-slate-700">{t("rootCausesHint")}</p>
      <ul className="flex flex-col gap-2">
        {rows.map((row, i) => (
          <li key={row.key} className="flex items-start gap-2">
            <Input
              id={`root-cause-${row.key}`}
              name="cause"
              label={t("rootCause", { n: i + 1 })}
              hideLabel
              value={row.value}
              onChange={(e) => setRows(rows.map((r) => (r.key === row.key ? { ...r, value: e.target.value } : r)))}
              error={fieldErrors?.[`causes.${i}`]}
              className="min-w-0 flex-1"
              maxLength={80}
            />
            <Button
              variant="secondary"
              size="sm"
              className="mt-0.5 shrink-0"
              onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
              aria-label={row.value ? t("removeCause", { name: row.value }) : t("removeNumbered", { n: i + 1 })}
            >
              {t("remove")}
            </Button>
          </li>
        ))}
      </ul>
      {listError ? (
        <p className="text-sm font-medium text-danger" id="root-causes-error">
          {listError}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={() => setRows([...rows, { key: ++lastKey.current, value: "" }])}>
          {t("add")}
        </Button>
        <SubmitButton pending={pending} pendingLabel={c("saving")}>
          {t("submitCauses")}
        </SubmitButton>
      </div>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{t("causesSaved")}</FormMessage> : null}
    </form>
  );
}

export function CaseRulesSection({
  rules,
  rootCauses,
  owners,
}: {
  rules: CaseRules;
  rootCauses: string[];
  owners: Owner[];
}) {
  const t = useTranslations("settings");
  return (
    <Section id="case-rules" title={t("nav.caseRules")} description={t("caseRules.description")}>
      <div className="flex flex-col gap-6">
        <RulesForm rules={rules} owners={owners} />
        <div>
          <h3 className="mb-2 text-base font-semibold text-slate-900">{t("caseRules.rootCauses")}</h3>
          <RootCausesForm causes={rootCauses} />
        </div>
      </div>
    </Section>
  );
}
