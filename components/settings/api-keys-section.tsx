// API keys: create (shown once), list by prefix, revoke.
import { revokeApiKeyAction } from "@/app/_actions/settings";
import { ROLE_LABELS, isRole } from "@/lib/auth/roles";
import { Section } from "../ui/page-header";
import { TokenTable } from "./token-table";
import { ApiKeyForm } from "./api-key-form";

type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  role: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

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
          ). A key acts with its role, on behalf of the admin who created it, and never above that person&apos;s current
          role: it stops working when they leave. Keys cannot manage keys, members, invites or single sign-on.
        </>
      }
    >
      <ApiKeyForm />
      <div className="mt-6">
        {keys.length === 0 ? (
          <p className="text-sm text-slate-600">No API keys yet.</p>
        ) : (
          <TokenTable
            label="API keys"
            noun="key"
            tokens={keys}
            revoke={(id) => revokeApiKeyAction.bind(null, id)}
            confirm={(k) => `Revoke the key “${k.name}”? Integrations using it stop working at once.`}
            extra={{ header: "Role", cell: (k) => (isRole(k.role) ? ROLE_LABELS[k.role].label : k.role) }}
          />
        )}
      </div>
    </Section>
  );
}
