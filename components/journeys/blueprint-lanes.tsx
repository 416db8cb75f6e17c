// The service blueprint under the map: per stage, what the customer does, what they see (front-stage), what
// happens behind the line of visibility (back-stage) and the systems that support it. Read-only for now.
import { useTranslations } from "next-intl";
import { Table, TBody, Td, Th, THead } from "../ui/table";

type Stage = {
  id: string;
  name: string;
  blueprint: {
    customerAction: string | null;
    frontstage: string | null;
    backstage: string | null;
    supportSystems: string | null;
  };
};

/** The lanes in order; each is named by the message journeys.blueprint.lanes.<key>. */
const LANES = ["customerAction", "frontstage", "backstage", "supportSystems"] as const;

export function BlueprintLanes({ stages }: { stages: Stage[] }) {
  const t = useTranslations("journeys.blueprint");
  return (
    <section aria-labelledby="blueprint-heading" className="mt-6 print:break-inside-avoid">
      <h2 id="blueprint-heading" className="mb-2 text-base font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <Table label={t("tableLabel")}>
        <THead>
          <tr>
            <Th>{t("lane")}</Th>
            {stages.map((s) => (
              <Th key={s.id} className="min-w-44 normal-case">
                {s.name}
              </Th>
            ))}
          </tr>
        </THead>
        <TBody>
          {LANES.map((lane) => (
            <tr key={lane} className={lane === "backstage" ? "border-t-2 border-dashed border-slate-300" : ""}>
              <Th scope="row" className="bg-slate-50 font-medium normal-case">
                {t(`lanes.${lane}`)}
                {lane === "backstage" ? (
                  <span className="block text-xs font-normal text-slate-500">{t("belowLine")}</span>
                ) : null}
              </Th>
              {stages.map((s) => (
                <Td key={s.id} className="text-slate-700">
                  {s.blueprint[lane] ?? <span className="text-slate-400">—</span>}
                </Td>
              ))}
            </tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}
