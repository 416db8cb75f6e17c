// Tables scroll sideways inside their own focusable region on small screens; the page never does.
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

export function Table({
  label,
  caption,
  children,
  className = "",
}: {
  label: string;
  caption?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}
    >
      <table className="w-full border-collapse text-left text-sm">
        {caption ? (
          <caption className="px-4 pt-3 pb-1 text-left text-sm font-semibold text-slate-800">{caption}</caption>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
      {children}
    </thead>
  );
}

export function Th({ className = "", scope = "col", ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope={scope} className={`px-4 py-2.5 font-semibold whitespace-nowrap ${className}`} {...rest} />;
}

export function Td({ className = "", ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-4 py-2.5 align-top ${className}`} {...rest} />;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}
