// Members with their roles and scopes (admins change them and remove members), invites, and pending invites. A scope
// is the whole organization or one unit and its subtree (docs/hierarchy.md, "Scoped memberships").
import {
  removeMemberAction,
  revokeInviteAction,
  revokeMemberSessionsAction,
  updateMemberRoleAction,
  updateMemberScopeAction,
} from "@/app/_actions/settings";
import { useTranslations } from "next-intl";
import { isRole } from "@/lib/auth/roles";
import { useFormats } from "@/components/i18n/use-formats";
import { Section } from "../ui/page-header";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { ActionForm } from "../ui/action-form";
import { Select } from "../ui/select";
import { Badge } from "../ui/badge";
import { InviteForm } from "./invite-form";
import { MemberResetForm } from "./member-reset-form";
import { useRoleOptions } from "./role-options";
import { scopeLabel, scopeOptions, useScopeWords, type UnitChoice } from "./scope-options";

type Member = {
  id: string;
  role: string;
  joinedAt: Date;
  suspendedAt?: Date | null;
  source?: string;
  unit?: { id: string; name: string } | null;
  user: { id: string; name: string; email: string };
};
type Invite = {
  id: string;
  email: string;
  role: string;
  unit?: { id: string; name: string } | null;
  status: string;
  expiresAt: Date;
};

export function MembersSection({
  members,
  invites,
  meId,
  mailConfigured,
  units = [],
}: {
  members: Member[];
  invites: Invite[];
  meId: string;
  mailConfigured: boolean;
  /** The active units in tree order: the scopes an admin can give (none: the organization has no units). */
  units?: UnitChoice[];
}) {
  const t = useTranslations("settings");
  const c = useTranslations("common");
  const f = useFormats();
  const words = useScopeWords();
  const roleOptions = useRoleOptions();
  const roleLabel = (r: string) => (isRole(r) ? c(`roles.${r}.label`) : r);
  const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;
  const pending = invites.filter((i) => i.status === "pending");
  const scoped = units.length > 0 || members.some((m) => m.unit) || pending.some((i) => i.unit);
  return (
    <>
      <Section
        id="members"
        title={t("nav.members")}
        description={scoped ? t("members.descriptionScoped") : t("members.description")}
      >
        <Table label={t("nav.members")}>
          <THead>
            <tr>
              <Th>{t("members.name")}</Th>
              <Th>{t("members.role")}</Th>
              {scoped ? <Th>{t("members.scope")}</Th> : null}
              <Th>{t("members.joined")}</Th>
              <Th>
                <span className="sr-only">{t("members.actions")}</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {members.map((m) => {
              const me = m.user.id === meId;
              return (
                <tr key={m.id}>
                  <Td className="min-w-44">
                    <span className="font-medium text-slate-900">{m.user.name}</span>{" "}
                    {me ? <Badge tone="brand">{t("members.you")}</Badge> : null}
                    {m.suspendedAt ? (
                      <Badge tone="warn">{t("members.suspended", { date: f.date(m.suspendedAt) })}</Badge>
                    ) : null}{" "}
                    {m.source === "scim" ? <Badge>SCIM</Badge> : null}
                    <span className="block text-xs break-all text-slate-600">{m.user.email}</span>
                  </Td>
                  <Td className="min-w-44">
                    {me ? (
                      <span className="text-sm">{roleLabel(m.role)}</span>
                    ) : (
                      <ActionForm
                        key={m.role}
                        action={updateMemberRoleAction.bind(null, m.id)}
                        submitLabel={c("save")}
                        pendingLabel={c("saving")}
                        aria-label={t("members.roleOf", { name: m.user.name })}
                      >
                        <Select
                          id={`role-${m.id}`}
                          name="role"
                          label={t("members.roleOf", { name: m.user.name })}
                          hideLabel
                          defaultValue={m.role}
                          options={roleOptions}
                          className="w-fit min-w-32"
                        />
                      </ActionForm>
                    )}
                  </Td>
                  {scoped ? (
                    <Td className="min-w-60" data-testid="member-scope">
                      {me ? (
                        <span className="text-sm">{scopeLabel(m.unit, words)}</span>
                      ) : (
                        <ActionForm
                          key={m.unit?.id ?? ""}
                          action={updateMemberScopeAction.bind(null, m.id)}
                          submitLabel={c("save")}
                          pendingLabel={c("saving")}
                          aria-label={t("members.scopeOf", { name: m.user.name })}
                        >
                          <Select
                            id={`scope-${m.id}`}
                            name="unitId"
                            label={t("members.scopeOf", { name: m.user.name })}
                            hideLabel
                            defaultValue={m.unit?.id ?? ""}
                            options={scopeOptions(units, words, m.unit)}
                            className="w-56"
                          />
                        </ActionForm>
                      )}
                    </Td>
                  ) : null}
                  <Td className="whitespace-nowrap text-slate-700">{f.date(m.joinedAt)}</Td>
                  <Td className="text-right">
                    {me ? null : (
                      <div className="flex flex-wrap justify-end gap-2">
                        <MemberResetForm membershipId={m.id} name={m.user.name} mailConfigured={mailConfigured} />
                        <ActionForm
                          action={revokeMemberSessionsAction.bind(null, m.id)}
                          submitLabel={t.rich("members.signOut", { name: m.user.name, sr })}
                          pendingLabel={t("members.signingOut")}
                          variant="secondary"
                          confirm={t("members.signOutConfirm", { name: m.user.name })}
                          align="end"
                        />
                        <ActionForm
                          action={removeMemberAction.bind(null, m.id)}
                          submitLabel={t.rich("members.remove", { name: m.user.name, sr })}
                          pendingLabel={t("members.removing")}
                          variant="danger"
                          confirm={t("members.removeConfirm", { name: m.user.name })}
                          align="end"
                        />
                      </div>
                    )}
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      </Section>

      <Section
        id="invite-someone"
        title={t("invites.heading")}
        description={mailConfigured ? t("invites.descriptionMail") : t("invites.descriptionNoMail")}
      >
        <InviteForm mailConfigured={mailConfigured} units={units} />
        <h3 className="mt-6 mb-2 text-sm font-semibold text-slate-900">{t("invites.pending")}</h3>
        {pending.length === 0 ? (
          <p className="text-sm text-slate-600">{t("invites.none")}</p>
        ) : (
          <Table label={t("invites.pending")}>
            <THead>
              <tr>
                <Th>{t("invites.email")}</Th>
                <Th>{t("invites.role")}</Th>
                {scoped ? <Th>{t("invites.scope")}</Th> : null}
                <Th>{t("invites.expires")}</Th>
                <Th>
                  <span className="sr-only">{t("invites.actions")}</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {pending.map((i) => (
                <tr key={i.id}>
                  <Td className="break-all">{i.email}</Td>
                  <Td>{roleLabel(i.role)}</Td>
                  {scoped ? <Td>{scopeLabel(i.unit, words)}</Td> : null}
                  <Td className="whitespace-nowrap">{f.date(i.expiresAt)}</Td>
                  <Td className="text-right">
                    <ActionForm
                      action={revokeInviteAction.bind(null, i.id)}
                      submitLabel={t.rich("invites.revoke", { email: i.email, sr })}
                      pendingLabel={t("invites.revoking")}
                      variant="danger"
                      confirm={t("invites.revokeConfirm", { email: i.email })}
                      align="end"
                    />
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
