// The API reference: every /api/v1 operation grouped by tag, read from the same registry as
// /api/v1/openapi.json. Server-rendered, no scripts of its own, public like the document it shows.
import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requestOrigin } from "@/lib/auth/action";
import {
  operations,
  OPENAPI_PATH,
  parametersOf,
  toJsonSchema,
  type Operation,
  type Parameter,
} from "@/lib/openapi/document";
import { curlExample } from "@/lib/openapi/curl";
import { ROUTE_MODULES } from "@/app/api/v1/routes.generated";
import { fieldRows, rulesOf, typeLabel, type FieldRow } from "@/lib/openapi/schema-table";
import { tagList } from "@/lib/openapi/tags";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

export async function generateMetadata() {
  const t = await getTranslations("api");
  return { title: t("title") };
}
type ApiT = Awaited<ReturnType<typeof getTranslations<"api">>>;
type CommonT = Awaited<ReturnType<typeof getTranslations<"common">>>;
const RESPONSE_KEYS = { json: "json", csv: "csv", "json-or-csv": "jsonOrCsv", ndjson: "ndjson", xml: "xml" } as const;

const METHOD_TONE: Record<string, BadgeTone> = {
  GET: "brand",
  POST: "ok",
  PUT: "warn",
  PATCH: "warn",
  DELETE: "danger",
};
const anchor = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const opId = (op: Operation) => anchor(`${op.method} ${op.path}`);

// The field descriptions and rules come from the OpenAPI registry, in English (the API's contract): lang="en".
function Fields({ label, rows, t }: { label: string; rows: FieldRow[]; t: ApiT }) {
  return (
    <Table label={label}>
      <THead>
        <tr>
          <Th>{t("field")}</Th>
          <Th>{t("type")}</Th>
          <Th>{t("rules")}</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.name}>
            {/* A field's name is an identifier (settings.widget.position), never a word to translate. */}
            <Td className="font-mono text-xs whitespace-nowrap text-slate-900" translate="no">
              {r.name}
              {r.required ? <span className="block font-sans text-red-700">{t("required")}</span> : null}
            </Td>
            <Td className="font-mono text-xs break-words">{r.type}</Td>
            <Td className="min-w-48 text-xs text-slate-600" lang="en">
              {[r.description, ...r.rules].filter(Boolean).join(" · ") || "—"}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

const paramRows = (params: Parameter[]): FieldRow[] =>
  params.map((p) => ({
    name: p.name,
    type: typeLabel(p.schema),
    required: p.required,
    rules: rulesOf(p.schema),
    description: p.description,
  }));

function OperationCard({ op, origin, t, tc }: { op: Operation; origin: string; t: ApiT; tc: CommonT }) {
  const path = parametersOf(op.meta.params, "path");
  const query = parametersOf(op.meta.query, "query");
  const body = op.meta.body ? fieldRows(toJsonSchema(op.meta.body)) : [];
  const role = op.meta.access.kind === "role" ? op.meta.access.role : null;
  const operation = `${op.method} ${op.path}`;
  return (
    <article
      id={opId(op)}
      aria-labelledby={`${opId(op)}-h`}
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h3 id={`${opId(op)}-h`} className="flex flex-wrap items-center gap-2">
        <Badge tone={METHOD_TONE[op.method]} className="font-mono">
          {op.method}
        </Badge>
        <code className="text-sm font-semibold break-all text-slate-900">{op.path}</code>
      </h3>
      <p className="mt-2 text-sm [overflow-wrap:anywhere] text-slate-800" lang="en">
        {op.description || op.summary}
      </p>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
        <div>
          <dt className="inline font-semibold">{t("access")} </dt>
          <dd className="inline">
            {role ? t("accessRole", { role: tc(`roles.${role}.inSentence`) }) : t("accessPublic")}
          </dd>
        </div>
        <div>
          <dt className="inline font-semibold">{t("answers")} </dt>
          <dd className="inline">{t(`response.${RESPONSE_KEYS[op.response]}`, { element: "<Response/>" })}</dd>
        </div>
      </dl>
      {path.length ? (
        <Block title={t("pathParams")}>
          <Fields label={t("pathParamsOf", { operation })} rows={paramRows(path)} t={t} />
        </Block>
      ) : null}
      {query.length ? (
        <Block title={t("queryParams")}>
          <Fields label={t("queryParamsOf", { operation })} rows={paramRows(query)} t={t} />
        </Block>
      ) : null}
      {op.meta.request === "csv" ? (
        <Block title={t("requestBody")}>
          <p className="text-sm text-slate-700">{t.rich("csvBody", { code: (c) => <code>{c}</code> })}</p>
        </Block>
      ) : null}
      {body.length ? (
        <Block title={t("jsonBody")}>
          <Fields label={t("bodyOf", { operation })} rows={body} t={t} />
        </Block>
      ) : null}
      <Block title={t("example")}>
        <pre
          tabIndex={0}
          aria-label={t("curlOf", { operation })}
          className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100"
        >
          <code>{curlExample(op, origin)}</code>
        </pre>
      </Block>
    </article>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mt-3">
      <h4 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</h4>
      {children}
    </div>
  );
}

export default async function ApiReferencePage() {
  const ops = operations(ROUTE_MODULES);
  const origin = await requestOrigin();
  const tags = tagList(new Set(ops.map((o) => o.tag)));
  const [t, tc, locale] = await Promise.all([getTranslations("api"), getTranslations("common"), getLocale()]);
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <header className="mb-6">
        <p className="text-sm font-semibold text-brand-700">
          <Link href="/">Resonance</Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-700">
          {t.rich("intro", {
            count: ops.length,
            code: (c) => <code>{c}</code>,
            settings: (c) => (
              <Link className="text-brand-700 underline" href="/settings">
                {c}
              </Link>
            ),
          })}
        </p>
        {locale === "en" ? null : <p className="mt-2 text-sm text-slate-600">{t("englishNote")}</p>}
        <p className="mt-2 text-sm">
          <a className="text-brand-700 underline" href={OPENAPI_PATH}>
            {t("openapi")}
          </a>
        </p>
      </header>
      <nav aria-label={t("sections")} className="mb-8">
        <ul className="flex flex-wrap gap-2">
          {tags.map((tag) => (
            <li key={tag.name}>
              <a
                className="inline-block rounded-full border border-slate-200 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-50"
                href={`#${anchor(tag.name)}`}
              >
                {tag.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section
          key={tag.name}
          id={anchor(tag.name)}
          aria-labelledby={`${anchor(tag.name)}-h`}
          className="mb-10 scroll-mt-4"
        >
          <h2 id={`${anchor(tag.name)}-h`} className="text-lg font-semibold text-slate-900">
            {tag.name}
          </h2>
          {tag.description ? (
            <p className="mt-1 mb-3 text-sm text-slate-600" lang="en">
              {tag.description}
            </p>
          ) : null}
          <div className="space-y-4">
            {ops
              .filter((o) => o.tag === tag.name)
              .map((op) => (
                <OperationCard key={opId(op)} op={op} origin={origin} t={t} tc={tc} />
              ))}
          </div>
        </section>
      ))}
    </main>
  );
}
