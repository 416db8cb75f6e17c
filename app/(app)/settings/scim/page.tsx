import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireCtx, requestOrigin } from "@/lib/auth/action";
import { listScimTokens } from "@/lib/scim/tokens";
import { listScimGroupsForAdmin } from "@/lib/scim/settings";
import { revokeScimTokenAction, setScimGroupRoleAction } from "@/app/_actions/scim";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { ActionForm } from "@/components/ui/action-form";
import { Select } from "@/components/ui/select";
import { TokenTable } from "@/components/settings/token-table";
import { ROLES } from "@/lib/auth/roles";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ScimTokenForm } from "@/components/settings/scim/scim-token-form";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("nav.scim") };
}

export default async function ScimSettingsPage() {
  const ctx = await requireCtx("admin");
  const [tokens, groups, origin] = await Promise.all([
    listScimTokens(ctx),
    listScimGroupsForAdmin(ctx),
    requestOrigin(),
  ]);
  const t = await getTranslations("settings");
  const c = await getTranslations("common");
  const groupRoleOptions = [
    { value: "", label: t("scimPage.noRole") },
    ...ROLES.map((r) => ({ value: r, label: c(`roles.${r}.label`) })),
  ];

  return (
    <ClientMessages keys={["settings.scimToken", "settings.secretForm", "settings.oneTimeSecret"]}>
      <PageHeader
        title={t("nav.scim")}
        description={
          <>
            <Link href="/settings" className="underline">
              {t("title")}
            </Link>{" "}
            · {t("scimPage.intro")}
          </>
        }
      />
      <Section
        title={t("scimPage.connect")}
        description={t.rich("scimPage.connectDescription", {
          url: `${origin}/scim/v2`,
          code: (chunks) => <code className="font-mono break-all">{chunks}</code>,
        })}
      >
        <ScimTokenForm />
        <div className="mt-6">
          {tokens.length === 0 ? (
            <p className="text-sm text-slate-600">{t("scimPage.none")}</p>
          ) : (
            <TokenTable
              label={t("scimPage.tokens")}
              noun={t("scimPage.noun")}
              tokens={tokens}
              revoke={(id) => revokeScimTokenAction.bind(null, id)}
              confirm={(token) => t("scimPage.confirm", { name: token.name })}
            />
          )}
        </div>
      </Section>
      <Section title={t("scimPage.groups")} description={t("scimPage.groupsDescription")}>
        {groups.length === 0 ? (
          <p className="text-sm text-slate-600">{t("scimPage.noGroups")}</p>
        ) : (
          <Table label={t("scimPage.groupsTable")}>
            <THead>
              <tr>
                <Th>{t("scimPage.group")}</Th>
                <Th className="hidden sm:table-cell">{t("scimPage.members")}</Th>
                <Th>{t("scimPage.role")}</Th>
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
                      submitLabel={c("save")}
                      pendingLabel={c("saving")}
                      inline
                      aria-label={t("scimPage.roleOf", { name: g.displayName })}
                    >
                      <Select
                        id={`group-role-${g.id}`}
                        name="role"
                        label={t("scimPage.roleOf", { name: g.displayName })}
                        hideLabel
                        defaultValue={g.role ?? ""}
                        options={groupRoleOptions}
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
    </ClientMessages>
  );
}
