// Secrets listed by prefix (API keys, SCIM tokens): name, prefix, optional extra columns, created, last used,
// and Revoke (or when it was revoked).
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useFormats } from "@/components/i18n/use-formats";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { ActionForm, type FormAction } from "../ui/action-form";
import { Badge } from "../ui/badge";

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
  /** "key", "token" (translated): used in the revoke button's accessible name. */
  noun: string;
  tokens: T[];
  revoke: (id: string) => FormAction;
  confirm: (t: T) => string;
  extra?: { header: string; cell: (t: T) => ReactNode };
};

export function TokenTable<T extends TokenRow>({ label, noun, tokens, revoke, confirm, extra }: Props<T>) {
  const tr = useTranslations("settings.tokens");
  const f = useFormats();
  return (
    <Table label={label}>
      <THead>
        <tr>
          <Th>{tr("name")}</Th>
          <Th>{tr("prefix")}</Th>
          {extra ? <Th>{extra.header}</Th> : null}
          <Th>{tr("created")}</Th>
          <Th>{tr("lastUsed")}</Th>
          <Th>
            <span className="sr-only">{tr("statusActions")}</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {tokens.map((t) => (
          <tr key={t.id} className={t.revokedAt ? "text-slate-500" : undefined}>
            <Td className="min-w-36 font-medium">{t.name}</Td>
            <Td className="font-mono text-xs whitespace-nowrap">{t.prefix}…</Td>
            {extra ? <Td>{extra.cell(t)}</Td> : null}
            <Td className="whitespace-nowrap">{f.date(t.createdAt)}</Td>
            <Td className="whitespace-nowrap">{f.dateTime(t.lastUsedAt, tr("never"))}</Td>
            <Td className="text-right">
              {t.revokedAt ? (
                <Badge>{tr("revoked", { date: f.date(t.revokedAt) })}</Badge>
              ) : (
                <ActionForm
                  action={revoke(t.id)}
                  submitLabel={tr.rich("revoke", {
                    noun,
                    name: t.name,
                    sr: (c) => <span className="sr-only">{c}</span>,
                  })}
                  pendingLabel={tr("revoking")}
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
