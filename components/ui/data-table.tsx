// One list, two layouts from one column definition: a table where its container is wide enough, a stack of
// cards below that (the first column as the card's title, every other field under its column's name), so a
// phone never scrolls sideways and never loses a field. It is one <table> restyled by container queries (the
// `table-view:` variant in app/globals.css), not two renderings: links, ids and form controls exist once and
// a screen reader meets one table. The headings stay in the accessibility tree on a phone (sr-only); a card's
// labels are generated content (data-label), so a cell's text is its value in both layouts. The explicit roles
// keep the table semantics where a browser drops them for table elements drawn as blocks (Safari).
import type { ReactNode } from "react";

export type Column<T> = {
  /** The column's heading, and the field's label on a card. */
  header: string;
  /** What the cell shows; index is the row's position in the list. */
  cell: (row: T, index: number) => ReactNode;
  /** Other content on a card (say a badge where the table has a select); the table keeps `cell`. */
  card?: (row: T, index: number) => ReactNode;
  /** Classes of the cell's content in both layouts; prefix those for the table only with `table-view:`. */
  className?: string;
  headerClassName?: string;
  align?: "right";
  testId?: string;
};

/** The container width from which the list is a table: sm 24rem, lg 32rem, 2xl 42rem, 4xl 56rem. */
export type TableFrom = "sm" | "lg" | "2xl" | "4xl";

type Props<T> = {
  label: string;
  caption?: ReactNode;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** The first column's cells are row headers (<th scope="row">), as in a table of figures per period. */
  rowHeaders?: boolean;
  rowClassName?: (row: T) => string;
  rowTestId?: string;
  tableFrom?: TableFrom;
  /** Narrower cell padding, for a table of many short columns (a funnel) that must fit beside a sidebar. */
  dense?: boolean;
  className?: string;
};

const CELL_BASE = "table-view:table-cell table-view:py-2.5 table-view:align-top";

export function DataTable<T>({
  label,
  caption,
  rows,
  columns,
  rowKey,
  rowHeaders = false,
  rowClassName,
  rowTestId,
  tableFrom = "2xl",
  dense = false,
  className = "",
}: Props<T>) {
  const [first, ...rest] = columns;
  const cell = `${CELL_BASE} ${dense ? "table-view:px-3" : "table-view:px-4"}`;
  const right = (c: Column<T>) => (c.align === "right" ? "table-view:text-right" : "");
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      data-table-from={tableFrom}
      className={`@container relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}
    >
      <table role="table" className="block w-full border-collapse text-left text-sm table-view:table">
        {caption ? (
          <caption className="block px-4 pt-3 pb-1 text-left text-sm font-semibold text-slate-800 table-view:table-caption">
            {caption}
          </caption>
        ) : null}
        <thead
          role="rowgroup"
          className="sr-only border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase table-view:not-sr-only"
        >
          <tr role="row">
            {columns.map((c) => (
              <th
                key={c.header}
                role="columnheader"
                scope="col"
                className={`${dense ? "px-3" : "px-4"} py-2.5 font-semibold ${right(c)} ${c.headerClassName ?? ""}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-slate-100 table-view:table-row-group">
          {rows.map((row, i) => {
            const titleClass = `block pb-1 font-semibold text-slate-900 ${cell} ${right(first)}`;
            const title = (
              <div className={first.className}>
                <Content column={first} row={row} index={i} />
              </div>
            );
            return (
              <tr
                key={rowKey(row)}
                role="row"
                data-testid={rowTestId}
                className={`block px-4 py-3 table-view:table-row table-view:p-0 ${rowClassName?.(row) ?? ""}`}
              >
                {rowHeaders ? (
                  <th
                    role="rowheader"
                    scope="row"
                    data-testid={first.testId}
                    className={`table-view:font-medium ${titleClass}`}
                  >
                    {title}
                  </th>
                ) : (
                  <td role="cell" data-testid={first.testId} className={`table-view:font-normal ${titleClass}`}>
                    {title}
                  </td>
                )}
                {rest.map((c) => (
                  <td
                    key={c.header}
                    role="cell"
                    data-label={c.header}
                    data-testid={c.testId}
                    className={`grid grid-cols-[7.5rem_minmax(0,1fr)] gap-x-3 py-1 before:text-slate-600 before:content-[attr(data-label)] ${cell} table-view:before:content-none ${right(c)}`}
                  >
                    <div className={`min-w-0 break-words ${c.className ?? ""}`}>
                      <Content column={c} row={row} index={i} />
                    </div>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Content<T>({ column, row, index }: { column: Column<T>; row: T; index: number }) {
  if (!column.card) return column.cell(row, index);
  return (
    <>
      <div className="table-view:hidden">{column.card(row, index)}</div>
      <div className="hidden table-view:block">{column.cell(row, index)}</div>
    </>
  );
}
