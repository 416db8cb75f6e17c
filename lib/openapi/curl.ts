// The curl line shown for each operation of the API reference.
import { toJsonSchema, type Operation } from "./document";
import { exampleOf } from "./schema-table";

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function curlExample(op: Operation, origin: string): string {
  const path = op.path.replace(/:(\w+)/g, (_, name: string) => `<${name}>`);
  const lines = [`curl -X ${op.method} "${origin}${path}"`];
  if (op.meta.access.kind === "role")
    lines.push(
      op.meta.access.sessionOnly
        ? `-H "Cookie: $RESONANCE_SESSION_COOKIE"`
        : `-H "Authorization: Bearer $RESONANCE_API_KEY"`,
    );
  if (op.meta.request === "csv") lines.push(`-H "content-type: text/csv"`, "--data-binary @customers.csv");
  else if (op.meta.body)
    lines.push(
      `-H "content-type: application/json"`,
      `-d ${shellQuote(JSON.stringify(exampleOf(toJsonSchema(op.meta.body))))}`,
    );
  return lines.join(" \\\n  ");
}
