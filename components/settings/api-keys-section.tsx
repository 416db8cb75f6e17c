// API keys: create (shown once), list by prefix, revoke.
import { revokeApiKeyAction } from "@/app/_actions/settings";
import { ROLE_LABELS, isRole } from "@/lib/auth/roles";
import { Section } from "../ui/page-header";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { ActionForm } from "../ui/action-form";
import { Badge } from "../ui/badge";
import { formatDate, formatDateTime } from "../ui/format";
import { ApiKeyForm } from "./api-key-form";

type ApiKey = { id: string; name: string; prefix: string; role: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export function ApiKeysSection({ keys }: { keys: ApiKey[] }) {
  return (
    <Section
      title="API keys"
      description={
        <>
          For integrations with the REST API (/api/v1; see the{" "}
          <a className="text-brand-700 underline" href="/docs/api">
            API reference
          </a>
          ). A key acts with its role, on behalf of the admin who created it.
        </>
      }
    >
      <ApiKeyForm />
      <div className="mt-6">
        {keys.length === 0 ? (
          <p className="text-sm text-slate-600">No API keys yet.</p>
        ) : (
          <Table label="API keys">
            <THead>
              <tr>
                <Th>Name</Th>
                <Th>Prefix</Th>
                <Th>Role</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>
                  <span className="sr-only">Status and actions</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {keys.map((k) => (
                <tr key={k.id} className={k.revokedAt ? "text-slate-500" : undefined}>
                  <Td className="min-w-36 font-medium">{k.name}</Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{k.prefix}…</Td>
                  <Td>{isRole(k.role) ? ROLE_LABELS[k.role].label : k.role}</Td>
                  <Td className="whitespace-nowrap">{formatDate(k.createdAt)}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(k.lastUsedAt, "Never")}</Td>
                  <Td className="text-right">
                    {k.revokedAt ? (
                      <Badge>Revoked {formatDate(k.revokedAt)}</Badge>
                    ) : (
                      <ActionForm
                        action={revokeApiKeyAction.bind(null, k.id)}
                        submitLabel={<>Revoke<span className="sr-only"> key {k.name}</span></>}
                        pendingLabel="Revoking…"
                        variant="danger"
                        confirm={`Revoke the key “${k.name}”? Integrations using it stop working at once.`}
                        align="end"
                      />
                    )}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </Section>
  );
}
