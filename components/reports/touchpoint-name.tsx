import Link from "next/link";

type Named = { touchpoint: { name: string }; journey: { id: string; name: string }; stage: { name: string } };

/** A report row's touchpoint: its name linking to the journey map (with the report's filters), then journey · stage. */
export function TouchpointName({ row, query }: { row: Named; query: string }) {
  return (
    <>
      <Link href={`/journeys/${row.journey.id}${query ? `?${query}` : ""}`} className="text-slate-900 hover:underline">
        {row.touchpoint.name}
      </Link>
      <span className="block text-xs font-normal text-slate-600">
        {row.journey.name} · {row.stage.name}
      </span>
    </>
  );
}
