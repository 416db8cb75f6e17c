// The API reference: every /api/v1 operation grouped by tag, read from the same registry as
// /api/v1/openapi.json. Server-rendered, no scripts of its own, public like the document it shows.
import type { ReactNode } from "react";
import Link from "next/link";
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

export const metadata = { title: "API reference" };

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

function Fields({ label, rows }: { label: string; rows: FieldRow[] }) {
  return (
    <Table label={label}>
      <THead>
        <tr>
          <Th>Field</Th>
          <Th>Type</Th>
          <Th>Rules</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.name}>
            <Td className="font-mono text-xs whitespace-nowrap text-slate-900">
              {r.name}
              {r.required ? <span className="block font-sans text-red-700">required</span> : null}
            </Td>
            <Td className="font-mono text-xs break-words">{r.type}</Td>
            <Td className="min-w-48 text-xs text-slate-600">
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

function OperationCard({ op, origin }: { op: Operation; origin: string }) {
  const path = parametersOf(op.meta.params, "path");
  const query = parametersOf(op.meta.query, "query");
  const body = op.meta.body ? fieldRows(toJsonSchema(op.meta.body)) : [];
  const role = op.meta.access.kind === "role" ? op.meta.access.role : null;
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
      <p className="mt-2 text-sm [overflow-wrap:anywhere] text-slate-800">{op.description || op.summary}</p>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
        <div>
          <dt className="inline font-semibold">Access: </dt>
          <dd className="inline">{role ? `${role} or higher (API key or session)` : "public, no login"}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Answers: </dt>
          <dd className="inline">
            {
              {
                json: "JSON",
                csv: "CSV file",
                "json-or-csv": "JSON, or CSV with ?format=csv",
                ndjson: "NDJSON progress lines",
                xml: "XML (an empty TwiML <Response/>)",
              }[op.response]
            }
          </dd>
        </div>
      </dl>
      {path.length ? (
        <Block title="Path parameters">
          <Fields label={`Path parameters of ${op.method} ${op.path}`} rows={paramRows(path)} />
        </Block>
      ) : null}
      {query.length ? (
        <Block title="Query parameters">
          <Fields label={`Query parameters of ${op.method} ${op.path}`} rows={paramRows(query)} />
        </Block>
      ) : null}
      {op.meta.request === "csv" ? (
        <Block title="Request body">
          <p className="text-sm text-slate-700">
            A CSV file: raw <code>text/csv</code> or the <code>file</code> field of <code>multipart/form-data</code>.
          </p>
        </Block>
      ) : null}
      {body.length ? (
        <Block title="Request body (JSON)">
          <Fields label={`Request body of ${op.method} ${op.path}`} rows={body} />
        </Block>
      ) : null}
      <Block title="Example">
        <pre
          tabIndex={0}
          aria-label={`curl example for ${op.method} ${op.path}`}
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
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <header className="mb-6">
        <p className="text-sm font-semibold text-brand-700">
          <Link href="/">Resonance</Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">API reference</h1>
        <p className="mt-2 text-sm text-slate-700">
          {ops.length} operations under <code>/api/v1</code>. Send an API key as{" "}
          <code>Authorization: Bearer rsn_…</code> (an admin creates keys under{" "}
          <Link className="text-brand-700 underline" href="/settings">
            Settings
          </Link>
          ); each key acts with its role, and each operation names the lowest role it needs (viewer &lt; agent &lt;
          manager &lt; admin). In the browser the session cookie works too, for requests from this site only. Errors are{" "}
          <code>application/problem+json</code> (RFC 9457) with <code>invalid_params</code> naming each bad field;
          another organization&apos;s record is a 404.
        </p>
        <p className="mt-2 text-sm">
          <a className="text-brand-700 underline" href={OPENAPI_PATH}>
            OpenAPI 3.1 document (JSON)
          </a>
        </p>
      </header>
      <nav aria-label="API sections" className="mb-8">
        <ul className="flex flex-wrap gap-2">
          {tags.map((t) => (
            <li key={t.name}>
              <a
                className="inline-block rounded-full border border-slate-200 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-50"
                href={`#${anchor(t.name)}`}
              >
                {t.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((t) => (
        <section key={t.name} id={anchor(t.name)} aria-labelledby={`${anchor(t.name)}-h`} className="mb-10 scroll-mt-4">
          <h2 id={`${anchor(t.name)}-h`} className="text-lg font-semibold text-slate-900">
            {t.name}
          </h2>
          {t.description ? <p className="mt-1 mb-3 text-sm text-slate-600">{t.description}</p> : null}
          <div className="space-y-4">
            {ops
              .filter((o) => o.tag === t.name)
              .map((op) => (
                <OperationCard key={opId(op)} op={op} origin={origin} />
              ))}
          </div>
        </section>
      ))}
    </main>
  );
}
