// The end state: announced, and focused so that keyboard and screen-reader users land on it (the heading is
// only a focus target, never a tab stop, so it needs no focus ring).
import { useEffect, useRef } from "react";

export function ThankYou({ title, body }: { title: string; body: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="status" className="flex flex-col items-center gap-3 py-6 text-center">
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-12 text-brand-600"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <circle cx="12" cy="12" r="10" />
        <path d="m8 12 3 3 5-6" />
      </svg>
      <h2
        ref={heading}
        tabIndex={-1}
        className="text-xl font-semibold tracking-tight text-slate-900 focus:outline-none"
      >
        {title}
      </h2>
      <p className="text-sm text-slate-700">{body}</p>
    </div>
  );
}
