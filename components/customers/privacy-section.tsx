// The customer page's privacy tools: consent and its history (everyone reads; agents and up change it),
// "Download data (JSON)" (managers and admins) and the erasure (admins). An erased customer shows only the
// tombstone notice and the history.
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ConsentEventDto } from "@/lib/privacy/consent";
import { Section } from "../ui/page-header";
import { Table, TBody, THead, Td, Th } from "../ui/table";
import { useFormats } from "../i18n/use-formats";
import { buttonClass } from "../ui/button";
import { ConsentBadge } from "./consent-badge";
import { ConsentForm, EraseCustomerForm } from "./privacy-forms";

const SOURCES = ["staff", "api", "import", "erasure", "unsubscribe", "sms_stop", "before_history"] as const;
type Source = (typeof SOURCES)[number];

function ConsentHistory({ events }: { events: ConsentEventDto[] }) {
  const t = useTranslations("customers.privacy");
  const f = useFormats();
  if (events.length === 0) return <p className="text-sm text-slate-700">{t("noHistory")}</p>;
  return (
    <Table label={t("history")}>
      <THead>
        <tr>
          <Th>{t("when")}</Th>
          <Th>{t("consent")}</Th>
          <Th>{t("source")}</Th>
          <Th>{t("by")}</Th>
        </tr>
      </THead>
      <TBody>
        {events.map((e) => (
          <tr key={e.id}>
            <Td className="whitespace-nowrap">{f.dateTime(e.at)}</Td>
            <Td>
              <ConsentBadge consent={e.consent} />
            </Td>
            <Td>{(SOURCES as readonly string[]).includes(e.source) ? t(`sources.${e.source as Source}`) : e.source}</Td>
            <Td>
              {e.actor?.name ?? "—"}
              {e.viaApiKey ? <span className="block text-xs text-slate-600">{t("withApiKey")}</span> : null}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

type Props = {
  customer: { id: string; name: string | null; consent: boolean | null; erasedAt: Date | null };
  history: ConsentEventDto[];
  can: { changeConsent: boolean; exportData: boolean; erase: boolean };
};

export function PrivacySection({ customer, history, can }: Props) {
  const t = useTranslations("customers.privacy");
  const f = useFormats();
  const erased = customer.erasedAt !== null;
  return (
    <Section id="privacy" title={t("title")} description={erased ? t("descriptionErased") : t("description")}>
      <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        {erased ? (
          <p role="status" className="text-sm font-medium text-slate-800">
            {t("erasedOn", { date: f.dateTime(customer.erasedAt) })}
          </p>
        ) : (
          <div className="flex flex-col gap-4 sm:flex-row sm:flex-wrap sm:items-end sm:justify-between">
            {can.changeConsent ? (
              <ConsentForm customerId={customer.id} consent={customer.consent} />
            ) : (
              <p className="text-sm text-slate-800">
                {t("consentReadOnly")} <ConsentBadge consent={customer.consent} />
              </p>
            )}
            {can.exportData ? (
              <a href={`/api/v1/customers/${customer.id}/export`} download className={buttonClass("secondary", "md")}>
                <Download aria-hidden="true" size={16} /> {t("download")}
              </a>
            ) : null}
          </div>
        )}
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("history")}</h3>
          <ConsentHistory events={history} />
        </div>
        {/* Kept mounted after the erasure so that its result (the counts) stays on screen. */}
        {can.erase ? <EraseCustomerForm customerId={customer.id} name={customer.name} erased={erased} /> : null}
      </div>
    </Section>
  );
}
