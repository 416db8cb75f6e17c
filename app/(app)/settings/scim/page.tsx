import Link from "next/link";
import { requireCtx, requestOrigin } from "@/lib/auth/action";
import { listScimTokens } from "@/lib/scim/tokens";
import { listScimGroupsForAdmin } from "@/lib/scim/settings";
import { revokeScimTokenAction, setScimGroupRoleAction } from "@/app/_actions/scim";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { ActionForm } from "@/components/ui/action-form";
import { Select } from "@/components/ui/select";
import { TokenTable } from "@/components/settings/token-table";
import { ROLE_OPTIONS } from "@/components/settings/role-options";
import { ScimTokenForm } from "@/components/settings/scim/scim-token-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "SCIM provisioning" };

const GROUP_ROLE_OPTIONS = [{ value: "", label: "No role" }, ...ROLE_OPTIONS];

export default async function ScimSettingsPage() {
  const ctx = await requireCtx("admin");
  const [tokens, groups, origin] = await Promise.all([
    listScimTokens(ctx),
    listScimGroupsForAdmin(ctx),
    requestOrigin(),
  ]);

  return (
    <>
      <PageHeader
        title="SCIM provisioning"
        description={
          <>
            <Link href="/settings" className="underline">
              Settings
            </Link>{" "}
            · Your identity provider (Okta, Microsoft Entra ID …) adds people to this organization, maps its groups to
            roles, and takes access away: a deactivated person is signed out and their API keys stop working at once.
          </>
        }
      />
      <Section
        title="Connect your identity provider"
        description={
          <>
            SCIM base URL: <code className="font-mono break-all">{origin}/scim/v2</code>. A token opens only this
            organization&apos;s SCIM endpoints, nothing else.
          </>
        }
      >
        <ScimTokenForm />
        <div className="mt-6">
          {tokens.length === 0 ? (
            <p className="text-sm text-slate-600">No SCIM tokens yet.</p>
          ) : (
            <TokenTable
              label="SCIM tokens"
              noun="token"
              tokens={tokens}
              revoke={(id) => revokeScimTokenAction.bind(null, id)}
              confirm={(t) => `Revoke the SCIM token “${t.name}”? Provisioning with it stops at once.`}
            />
          )}
        </div>
      </Section>
      <Section
        title="Groups and roles"
        description="Groups your identity provider pushed. A member gets the highest role of their mapped groups, or keeps their own role when in none. A group named resonance-admins, resonance-managers, resonance-agents or resonance-viewers is mapped to that role when it arrives."
      >
        {groups.length === 0 ? (
          <p className="text-sm text-slate-600">
            No groups yet: assign or push groups to the Resonance application in your identity provider.
          </p>
        ) : (
          <Table label="SCIM groups">
            <THead>
              <tr>
                <Th>Group</Th>
                <Th className="hidden sm:table-cell">Members</Th>
                <Th>Role</Th>
              </tr>
            </THead>
            <TBody>
              {groups.map((g) => (
                <tr key={g.id}>
                  <Td className="min-w-40 font-medium break-all">{g.displayName}</Td>
                  <Td className="hidden sm:table-cell">{g.members}</Td>
                  <Td className="min-w-56">
                    <ActionForm
                      key={g.role ?? ""}
                      action={setScimGroupRoleAction.bind(null, g.id)}
                      submitLabel="Save"
                      pendingLabel="Saving…"
                      inline
                      aria-label={`Role of group ${g.displayName}`}
                    >
                      <Select
                        id={`group-role-${g.id}`}
                        name="role"
                        label={`Role of group ${g.displayName}`}
                        hideLabel
                        defaultValue={g.role ?? ""}
                        options={GROUP_ROLE_OPTIONS}
                        className="w-32"
                      />
                    </ActionForm>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>
    </>
  );
}
