// Secrets listed by prefix (API keys, SCIM tokens): name, prefix, optional extra columns, created, last used,
// and Revoke (or when it was revoked).
import type { ReactNode } from "react";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { ActionForm, type FormAction } from "../ui/action-form";
import { Badge } from "../ui/badge";
import { formatDate, formatDateTime } from "../ui/format";

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

type Props<T extends TokenRow> = {
  label: string;
  /** "key", "token": used in the revoke button's accessible name. */
  noun: string;
  tokens: T[];
  revoke: (id: string) => FormAction;
  confirm: (t: T) => string;
  extra?: { header: string; cell: (t: T) => ReactNode };
};

export function TokenTable<T extends TokenRow>({ label, noun, tokens, revoke, confirm, extra }: Props<T>) {
  return (
    <Table label={label}>
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Prefix</Th>
          {extra ? <Th>{extra.header}</Th> : null}
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>
            <span className="sr-only">Status and actions</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {tokens.map((t) => (
          <tr key={t.id} className={t.revokedAt ? "text-slate-500" : undefined}>
            <Td className="min-w-36 font-medium">{t.name}</Td>
            <Td className="font-mono text-xs whitespace-nowrap">{t.prefix}…</Td>
            {extra ? <Td>{extra.cell(t)}</Td> : null}
            <Td className="whitespace-nowrap">{formatDate(t.createdAt)}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(t.lastUsedAt, "Never")}</Td>
            <Td className="text-right">
              {t.revokedAt ? (
                <Badge>Revoked {formatDate(t.revokedAt)}</Badge>
              ) : (
                <ActionForm
                  action={revoke(t.id)}
                  submitLabel={
                    <>
                      Revoke
                      <span className="sr-only">
                        {" "}
                        {noun} {t.name}
                      </span>
                    </>
                  }
                  pendingLabel="Revoking…"
                  variant="danger"
                  confirm={confirm(t)}
                  align="end"
                />
              )}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
