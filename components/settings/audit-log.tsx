// The audit log's filter form and entries. An entry reads as a sentence (who · what · which record · when)
// with its details below (lib/audit/describe.ts): changed fields, "from → to", and the other values, each under its label
// in the page's language.
import Link from "next/link";
import { useMessages, useTranslations } from "next-intl";
import type { AuditEventDto } from "@/lib/audit/query";
import { SYSTEM_ACTOR } from "@/lib/audit/query";
import { describeData } from "@/lib/audit/describe";
import { GetForm } from "../dashboard/get-form";
import { Select } from "../ui/select";
import { Input } from "../ui/input";
import { Badge } from "../ui/badge";
import { buttonClass } from "../ui/button";
import { useFormats } from "../i18n/use-formats";

type Options = { actions: string[]; entityTypes: string[]; actors: { id: string; name: string; email: string }[] };

export function AuditFilters({
  values,
  errors,
  options,
}: {
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
  options: Options;
}) {
  const t = useTranslations("settings.audit");
  const all = (label: string) => ({ value: "", label });
  return (
    <GetForm
      action="/settings/audit"
      aria-label={t("filterLabel")}
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Select
          name="action"
          id="audit-action"
          label={t("action")}
          defaultValue={values.action ?? ""}
          error={errors.action}
          options={[
            all(t("allActions")),
            ...options.actions.map((a) => ({ value: a, label: a, translate: "no" as const })),
          ]}
        />
        <Select
          name="entityType"
          id="audit-entity-type"
          label={t("type")}
          defaultValue={values.entityType ?? ""}
          error={errors.entityType}
          options={[
            all(t("allTypes")),
            ...options.entityTypes.map((type) => ({ value: type, label: type, translate: "no" as const })),
          ]}
        />
        <Select
          name="actorId"
          id="audit-actor"
          label={t("who")}
          defaultValue={values.actorId ?? ""}
          error={errors.actorId}
          options={[
            all(t("everyone")),
            ...options.actors.map((a) => ({ value: a.id, label: t("actor", { name: a.name, email: a.email }) })),
            { value: SYSTEM_ACTOR, label: t("system") },
          ]}
        />
        <Input
          name="entityId"
          id="audit-entity-id"
          label={t("recordId")}
          defaultValue={values.entityId ?? ""}
          error={errors.entityId}
          autoComplete="off"
        />
        <Input
          name="from"
          id="audit-from"
          type="date"
          label={t("from")}
          defaultValue={values.from ?? ""}
          error={errors.from}
        />
        <Input name="to" id="audit-to" type="date" label={t("to")} defaultValue={values.to ?? ""} error={errors.to} />
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="submit" className={buttonClass("primary", "md")}>
          {t("apply")}
        </button>
        <Link href="/settings/audit" className={buttonClass("ghost", "md")}>
          {t("clear")}
        </Link>
      </div>
    </GetForm>
  );
}

export function AuditEntry({ entry }: { entry: AuditEventDto }) {
  const t = useTranslations("settings.audit");
  const messages = useMessages();
  const f = useFormats();
  const details = describeData(entry.data, {
    details: t("details"),
    change: t("change"),
    none: t("none"),
    yes: t("yes"),
    no: t("no"),
    labels: messages.settings.audit.fields,
  });
  return (
    <li className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="audit-entry">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        {/* the action and the record type are identifiers ("customers.exported"), not words to translate */}
        <span translate="no">
          <Badge tone={entry.action.endsWith("erased") || entry.action.startsWith("retention.") ? "warn" : "brand"}>
            {entry.action}
          </Badge>
        </span>
        <span className="text-sm font-medium text-slate-900">{entry.actor.name}</span>
        {entry.actor.email ? <span className="text-xs break-all text-slate-600">{entry.actor.email}</span> : null}
        <time dateTime={new Date(entry.at).toISOString()} className="text-sm text-slate-600 sm:ml-auto">
          {f.dateTime(entry.at)}
        </time>
      </div>
      <p className="mt-1 text-sm break-all text-slate-700" translate="no">
        {entry.entityType}
        {entry.entityId ? (
          <>
            {" "}
            <Link
              href={`/settings/audit?entityId=${encodeURIComponent(entry.entityId)}`}
              className="font-mono text-xs text-brand-700 underline"
            >
              {entry.entityId}
            </Link>
          </>
        ) : null}
      </p>
      {details.length ? (
        <dl className="mt-2 grid grid-cols-[minmax(0,max-content)_minmax(50%,1fr)] gap-x-4 gap-y-1 text-sm">
          {details.map((d) => (
            <div key={d.label} className="contents">
              <dt className="font-medium text-slate-600">{d.label}</dt>
              <dd className="min-w-0 break-words text-slate-900">{d.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {entry.redactedAt ? (
        <p className="mt-2 text-xs text-slate-600">{t("redacted", { date: f.dateTime(entry.redactedAt) })}</p>
      ) : null}
    </li>
  );
}
