// API keys: create (shown once), list by prefix, revoke.
import { revokeApiKeyAction } from "@/app/_actions/settings";
import { ROLE_LABELS, isRole } from "@/lib/auth/roles";
import { Section } from "../ui/page-header";
import { TokenTable } from "./token-table";
import { ApiKeyForm } from "./api-key-form";
import { scopeLabel, type UnitChoice } from "./scope-options";

type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  role: string;
  unit?: { name: string } | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export function ApiKeysSection({ keys, units = [] }: { keys: ApiKey[]; units?: UnitChoice[] }) {
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
          role: it stops working when they leave. A key limited to a unit sees that unit and the units below it only.
          Keys cannot manage keys, members, invites or single sign-on.
        </>
      }
    >
      <ApiKeyForm units={units} />
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
            extra={{
              header: units.length ? "Role and scope" : "Role",
              cell: (k) => (
                <>
                  {isRole(k.role) ? ROLE_LABELS[k.role].label : k.role}
                  {units.length || k.unit ? (
                    <span className="block text-xs text-slate-600">{scopeLabel(k.unit)}</span>
                  ) : null}
                </>
              ),
            }}
          />
        )}
      </div>
    </Section>
  );
}
