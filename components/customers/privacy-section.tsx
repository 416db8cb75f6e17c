// The customer page's privacy tools: consent and its history (everyone reads; agents and up change it),
// "Download data (JSON)" (managers and admins) and the erasure (admins). An erased customer shows only the
// tombstone notice and the history.
import { Download } from "lucide-react";
import type { ConsentEventDto } from "@/lib/privacy/consent";
import { Section } from "../ui/page-header";
import { Table, TBody, THead, Td, Th } from "../ui/table";
import { formatDateTime } from "../ui/format";
import { buttonClass } from "../ui/button";
import { ConsentBadge } from "./consent-badge";
import { ConsentForm, EraseCustomerForm } from "./privacy-forms";

const SOURCE_LABELS: Record<string, string> = {
  staff: "In the app",
  api: "API",
  import: "CSV import",
  erasure: "Erasure",
  unsubscribe: "The customer's unsubscribe link",
  sms_stop: "The customer replied STOP to an SMS",
  before_history: "Set before the history was kept",
};

function ConsentHistory({ events }: { events: ConsentEventDto[] }) {
  if (events.length === 0)
    return <p className="text-sm text-slate-700">No consent recorded yet. Ask the customer, then set it above.</p>;
  return (
    <Table label="Consent history">
      <THead>
        <tr>
          <Th>When</Th>
          <Th>Consent</Th>
          <Th>Source</Th>
          <Th>By</Th>
        </tr>
      </THead>
      <TBody>
        {events.map((e) => (
          <tr key={e.id}>
            <Td className="whitespace-nowrap">{formatDateTime(e.at)}</Td>
            <Td>
              <ConsentBadge consent={e.consent} />
            </Td>
            <Td>{SOURCE_LABELS[e.source] ?? e.source}</Td>
            <Td>
              {e.actor?.name ?? "—"}
              {e.viaApiKey ? <span className="block text-xs text-slate-600">with an API key</span> : null}
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
  const erased = customer.erasedAt !== null;
  return (
    <Section
      id="privacy"
      title="Privacy"
      description={
        erased
          ? "This customer's personal data was erased; responses stay in the figures without a link to them."
          : "Consent to be surveyed, the customer's data as a file, and erasure."
      }
    >
      <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        {erased ? (
          <p role="status" className="text-sm font-medium text-slate-800">
            Erased on {formatDateTime(customer.erasedAt)}. An erasure cannot be undone.
          </p>
        ) : (
          <div className="flex flex-col gap-4 sm:flex-row sm:flex-wrap sm:items-end sm:justify-between">
            {can.changeConsent ? (
              <ConsentForm customerId={customer.id} consent={customer.consent} />
            ) : (
              <p className="text-sm text-slate-800">
                Consent to surveys: <ConsentBadge consent={customer.consent} />
              </p>
            )}
            {can.exportData ? (
              <a href={`/api/v1/customers/${customer.id}/export`} download className={buttonClass("secondary", "md")}>
                <Download aria-hidden="true" size={16} /> Download data (JSON)
              </a>
            ) : null}
          </div>
        )}
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Consent history</h3>
          <ConsentHistory events={history} />
        </div>
        {/* Kept mounted after the erasure so that its result (the counts) stays on screen. */}
        {can.erase ? <EraseCustomerForm customerId={customer.id} name={customer.name} erased={erased} /> : null}
      </div>
    </Section>
  );
}
