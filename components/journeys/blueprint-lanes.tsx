// The service blueprint under the map: per stage, what the customer does, what they see (front-stage), what
// happens behind the line of visibility (back-stage) and the systems that support it. Read-only for now.
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

const LANES = [
  { key: "customerAction", label: "Customer actions" },
  { key: "frontstage", label: "Front-stage" },
  { key: "backstage", label: "Back-stage" },
  { key: "supportSystems", label: "Support systems" },
] as const;

export function BlueprintLanes({ stages }: { stages: Stage[] }) {
  return (
    <section aria-labelledby="blueprint-heading" className="mt-6 print:break-inside-avoid">
      <h2 id="blueprint-heading" className="mb-2 text-base font-semibold text-slate-900">
        Service blueprint
      </h2>
      <Table label="Service blueprint lanes per stage (scrolls sideways)">
        <THead>
          <tr>
            <Th>Lane</Th>
            {stages.map((s) => (
              <Th key={s.id} className="min-w-44 normal-case">
                {s.name}
              </Th>
            ))}
          </tr>
        </THead>
        <TBody>
          {LANES.map((lane) => (
            <tr key={lane.key} className={lane.key === "backstage" ? "border-t-2 border-dashed border-slate-300" : ""}>
              <Th scope="row" className="bg-slate-50 font-medium normal-case">
                {lane.label}
                {lane.key === "backstage" ? (
                  <span className="block text-xs font-normal text-slate-500">below the line of visibility</span>
                ) : null}
              </Th>
              {stages.map((s) => (
                <Td key={s.id} className="text-slate-700">
                  {s.blueprint[lane.key] ?? <span className="text-slate-400">—</span>}
                </Td>
              ))}
            </tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}
