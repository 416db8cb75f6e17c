import Link from "next/link";
import { requireCtx } from "@/lib/auth/action";
import { getSsoConnection } from "@/lib/sso/service";
import { deleteSsoConnectionAction } from "@/app/_actions/sso";
import { PageHeader, Section } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { CopyButton } from "@/components/ui/copy-button";
import { Badge } from "@/components/ui/badge";
import { SsoForm } from "@/components/settings/sso-form";
import { SsoDomains } from "@/components/settings/sso-domains";

export const dynamic = "force-dynamic";
export const metadata = { title: "Single sign-on" };

export default async function SsoSettingsPage() {
  const ctx = await requireCtx("admin");
  const { connection, redirectUri } = await getSsoConnection(ctx);
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description={
          <>
            <Link href="/settings" className="underline">
              Settings
            </Link>{" "}
            · Members sign in through your identity provider (OpenID Connect: Keycloak, Microsoft Entra ID, Okta, Google
            Workspace…).
          </>
        }
        actions={connection ? connection.enabled ? <Badge tone="ok">Enabled</Badge> : <Badge>Disabled</Badge> : null}
      />
      <Section
        title="1. Register Resonance at your provider"
        description="Create a confidential web client (authorization code flow) with this redirect URI, and allow the scopes openid, email and profile."
      >
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <input
            id="sso-redirect-uri"
            aria-label="Redirect URI"
            readOnly
            value={redirectUri}
            className="min-h-9 w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-2 font-mono text-xs text-slate-900"
          />
          <CopyButton value={redirectUri} targetId="sso-redirect-uri" />
        </div>
      </Section>
      <Section
        title="2. Connect it"
        description={
          connection
            ? `${connection.linkedIdentities} ${connection.linkedIdentities === 1 ? "person has" : "people have"} signed in through this connection.`
            : "Enter what the provider shows for the client you created."
        }
      >
        <SsoForm connection={connection} />
      </Section>
      {connection ? (
        <Section
          title="3. Verify your domains"
          description="Only addresses in verified domains sign in through this connection. Without DNS access, the server's operator can verify a domain with npm run sso-domain."
        >
          <SsoDomains domains={connection.domains} />
        </Section>
      ) : null}
      {connection ? (
        <Section
          title="Remove the connection"
          description="Members who only sign in through single sign-on cannot sign in until an admin sets it up again."
        >
          <ActionForm
            action={deleteSsoConnectionAction}
            submitLabel="Remove single sign-on"
            pendingLabel="Removing…"
            variant="danger"
            confirm="Remove single sign-on for this organization?"
          />
        </Section>
      ) : null}
    </>
  );
}
