// Members with their roles and scopes (admins change them and remove members), invites, and pending invites. A scope
// is the whole organization or one unit and its subtree (docs/hierarchy.md, "Scoped memberships").
import {
  removeMemberAction,
  revokeInviteAction,
  revokeMemberSessionsAction,
  updateMemberRoleAction,
  updateMemberScopeAction,
} from "@/app/_actions/settings";
import { ROLE_LABELS, isRole } from "@/lib/auth/roles";
import { Section } from "../ui/page-header";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { ActionForm } from "../ui/action-form";
import { Select } from "../ui/select";
import { Badge } from "../ui/badge";
import { formatDate } from "../ui/format";
import { InviteForm } from "./invite-form";
import { MemberResetForm } from "./member-reset-form";
import { ROLE_OPTIONS } from "./role-options";
import { scopeLabel, scopeOptions, type UnitChoice } from "./scope-options";

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

const roleLabel = (r: string) => (isRole(r) ? ROLE_LABELS[r].label : r);

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
  const pending = invites.filter((i) => i.status === "pending");
  const scoped = units.length > 0 || members.some((m) => m.unit) || pending.some((i) => i.unit);
  return (
    <>
      <Section
        title="Members"
        description={
          scoped
            ? "Viewers read; agents also log interactions and work cases; managers also edit journeys and surveys; admins also manage members and keys. A member scoped to a unit sees that unit and the units below it only; only admins for the whole organization manage access and settings."
            : "Viewers read; agents also log interactions and work cases; managers also edit journeys and surveys; admins also manage members and keys."
        }
      >
        <Table label="Members">
          <THead>
            <tr>
              <Th>Name</Th>
              <Th>Role</Th>
              {scoped ? <Th>Scope</Th> : null}
              <Th>Joined</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {members.map((m) => {
              const me = m.user.id === meId;
              return (
                <tr key={m.id}>
                  <Td className="min-w-48">
                    <span className="font-medium text-slate-900">{m.user.name}</span>{" "}
                    {me ? <Badge tone="brand">you</Badge> : null}
                    {m.suspendedAt ? <Badge tone="warn">Suspended {formatDate(m.suspendedAt)}</Badge> : null}{" "}
                    {m.source === "scim" ? <Badge>SCIM</Badge> : null}
                    <span className="block text-xs break-all text-slate-600">{m.user.email}</span>
                  </Td>
                  <Td className="min-w-56">
                    {me ? (
                      <span className="text-sm">{roleLabel(m.role)}</span>
                    ) : (
                      <ActionForm
                        key={m.role}
                        action={updateMemberRoleAction.bind(null, m.id)}
                        submitLabel="Save"
                        pendingLabel="Saving…"
                        inline
                        aria-label={`Role of ${m.user.name}`}
                      >
                        <Select
                          id={`role-${m.id}`}
                          name="role"
                          label={`Role of ${m.user.name}`}
                          hideLabel
                          defaultValue={m.role}
                          options={ROLE_OPTIONS}
                          className="w-32"
                        />
                      </ActionForm>
                    )}
                  </Td>
                  {scoped ? (
                    <Td className="min-w-64" data-testid="member-scope">
                      {me ? (
                        <span className="text-sm">{scopeLabel(m.unit)}</span>
                      ) : (
                        <ActionForm
                          key={m.unit?.id ?? ""}
                          action={updateMemberScopeAction.bind(null, m.id)}
                          submitLabel="Save"
                          pendingLabel="Saving…"
                          inline
                          aria-label={`Scope of ${m.user.name}`}
                        >
                          <Select
                            id={`scope-${m.id}`}
                            name="unitId"
                            label={`Scope of ${m.user.name}`}
                            hideLabel
                            defaultValue={m.unit?.id ?? ""}
                            options={scopeOptions(units, m.unit)}
                            className="w-56"
                          />
                        </ActionForm>
                      )}
                    </Td>
                  ) : null}
                  <Td className="whitespace-nowrap text-slate-700">{formatDate(m.joinedAt)}</Td>
                  <Td className="text-right">
                    {me ? null : (
                      <div className="flex flex-wrap justify-end gap-2">
                        <MemberResetForm membershipId={m.id} name={m.user.name} mailConfigured={mailConfigured} />
                        <ActionForm
                          action={revokeMemberSessionsAction.bind(null, m.id)}
                          submitLabel={
                            <>
                              Sign out<span className="sr-only"> {m.user.name} everywhere</span>
                            </>
                          }
                          pendingLabel="Signing out…"
                          variant="secondary"
                          confirm={`End every session of ${m.user.name}? They stay a member and can sign in again.`}
                          align="end"
                        />
                        <ActionForm
                          action={removeMemberAction.bind(null, m.id)}
                          submitLabel={
                            <>
                              Remove<span className="sr-only"> {m.user.name}</span>
                            </>
                          }
                          pendingLabel="Removing…"
                          variant="danger"
                          confirm={`Remove ${m.user.name} from this organization?`}
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
        title="Invite someone"
        description={
          mailConfigured
            ? "E-mails a one-time link to that address; it expires in 7 days. Accepting it proves the address."
            : "No e-mail server is configured: you get a one-time link for that address to pass on yourself; anyone who opens it can accept. It expires in 7 days."
        }
      >
        <InviteForm mailConfigured={mailConfigured} units={units} />
        <h3 className="mt-6 mb-2 text-sm font-semibold text-slate-900">Pending invites</h3>
        {pending.length === 0 ? (
          <p className="text-sm text-slate-600">No pending invites.</p>
        ) : (
          <Table label="Pending invites">
            <THead>
              <tr>
                <Th>E-mail</Th>
                <Th>Role</Th>
                {scoped ? <Th>Scope</Th> : null}
                <Th>Expires</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {pending.map((i) => (
                <tr key={i.id}>
                  <Td className="break-all">{i.email}</Td>
                  <Td>{roleLabel(i.role)}</Td>
                  {scoped ? <Td>{scopeLabel(i.unit)}</Td> : null}
                  <Td className="whitespace-nowrap">{formatDate(i.expiresAt)}</Td>
                  <Td className="text-right">
                    <ActionForm
                      action={revokeInviteAction.bind(null, i.id)}
                      submitLabel={
                        <>
                          Revoke<span className="sr-only"> invite for {i.email}</span>
                        </>
                      }
                      pendingLabel="Revoking…"
                      variant="danger"
                      confirm={`Revoke the invite for ${i.email}? The link stops working.`}
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
