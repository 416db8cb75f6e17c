import { COUNT_CAP } from "@/lib/http/pagination";
import { formatCount } from "./format";

/** "1,234 responses match these filters, newest first": a list's count of matches (counted up to COUNT_CAP). */
export function MatchCount({
  count,
  capped,
  noun,
  filtered,
}: {
  count: number;
  capped: boolean;
  noun: [singular: string, plural: string];
  filtered: boolean;
}) {
  if (count === 0) return null;
  return (
    <p className="mb-3 text-sm text-slate-700" data-testid="match-count">
      {capped ? `More than ${formatCount(COUNT_CAP)}` : formatCount(count)} {count === 1 && !capped ? noun[0] : noun[1]}
      {filtered ? " match these filters" : ""}, newest first
    </p>
  );
}
