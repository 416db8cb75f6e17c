// The connection's allowed domains and whether each is verified: a domain signs in nobody until a DNS TXT
// record proves the organization controls it (lib/sso/domains.ts), or the operator verified it.
import { BadgeCheck, Clock } from "lucide-react";
import { useTranslations } from "next-intl";
import { checkSsoDomainAction } from "@/app/_actions/sso";
import type { DomainStatus } from "@/lib/sso/domains";
import { ActionForm } from "../ui/action-form";
import { Badge } from "../ui/badge";
import { CopyButton } from "../ui/copy-button";
import { useFormats } from "../i18n/use-formats";

function RecordField({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          readOnly
          value={value}
          className="min-h-9 w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-2 font-mono text-xs text-slate-900"
        />
        <CopyButton value={value} targetId={id} />
      </div>
    </div>
  );
}

export function SsoDomains({ domains }: { domains: DomainStatus[] }) {
  const t = useTranslations("settings.ssoDomains");
  const f = useFormats();
  return (
    <ul className="flex flex-col gap-3" aria-label={t("label")}>
      {domains.map((d, i) => (
        <li key={d.domain} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium break-all text-slate-900">{d.domain}</span>
            {d.verified ? (
              <Badge tone="ok">
                <BadgeCheck aria-hidden className="size-3.5" />
                {d.verifiedAt
                  ? t("verifiedOn", { method: d.method ?? "dns", date: f.date(d.verifiedAt) })
                  : t("verified", { method: d.method ?? "dns" })}
              </Badge>
            ) : (
              <Badge tone="warn">
                <Clock aria-hidden className="size-3.5" />
                {t("notVerified")}
              </Badge>
            )}
          </div>
          {d.verified ? null : (
            <>
              <p className="text-sm text-slate-700">{t("addRecord", { domain: d.domain })}</p>
              <div className="grid gap-3 md:grid-cols-2">
                <RecordField id={`sso-domain-${i}-name`} label={t("name")} value={d.record.name} />
                <RecordField id={`sso-domain-${i}-value`} label={t("value")} value={d.record.value} />
              </div>
              <ActionForm
                action={checkSsoDomainAction}
                submitLabel={t("check")}
                pendingLabel={t("checking")}
                aria-label={t("checkLabel", { domain: d.domain })}
              >
                <input type="hidden" name="domain" value={d.domain} />
              </ActionForm>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
