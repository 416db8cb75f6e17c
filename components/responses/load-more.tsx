"use client";
// "Load more": fetches the next page from GET /api/v1/responses with the same filters and appends it; focus
// moves to the first new card so keyboard users continue where they were. Without JavaScript the link opens
// the next page on the server instead. The page keys it by its filters, so new filters start a new list.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { ResponseItem } from "@/lib/responses/service";
import { buttonClass } from "../ui/button";
import { ResponseCard, type CardResponse } from "./response-card";

type Props = { query: string; nextCursor: string | null; pageSize: number; nextHref: string | null };

export function LoadMore({ query, nextCursor, pageSize, nextHref }: Props) {
  const [items, setItems] = useState<CardResponse[]>([]);
  const [cursor, setCursor] = useState(nextCursor);
  const [firstNew, setFirstNew] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const t = useTranslations("surveys.inbox");
  useEffect(() => {
    if (firstNew) document.querySelector<HTMLElement>(`[data-response-id="${CSS.escape(firstNew)}"]`)?.focus();
  }, [firstNew]);

  async function load(e: React.MouseEvent) {
    e.preventDefault();
    if (!cursor || state === "loading") return;
    setState("loading");
    try {
      const sp = new URLSearchParams(query);
      sp.set("limit", String(pageSize));
      sp.set("cursor", cursor);
      const res = await fetch(`/api/v1/responses?${sp}`, { headers: { accept: "application/json" } });
      if (!res.ok) throw new Error(String(res.status));
      const page = (await res.json()) as {
        data: (Omit<ResponseItem, "submittedAt" | "completedAt"> & {
          submittedAt: string;
          completedAt: string | null;
        })[];
        nextCursor: string | null;
      };
      setItems((prev) => [...prev, ...page.data]);
      setFirstNew(page.data[0]?.id ?? null);
      setCursor(page.nextCursor);
      setState("idle");
    } catch {
      setState("error");
    }
  }

  return (
    <>
      {items.length ? (
        <ul className="mt-3 flex flex-col gap-3" aria-label={t("moreLabel")}>
          {items.map((r) => (
            <li key={r.id}>
              <ResponseCard r={r} />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center justify-center gap-3" aria-live="polite">
        {cursor && nextHref ? (
          <a
            href={nextHref}
            onClick={load}
            aria-disabled={state === "loading" || undefined}
            className={buttonClass("secondary", "md")}
          >
            {state === "loading" ? t("loading") : t("loadMore")}
          </a>
        ) : (
          <span className="text-sm text-slate-600">{t("end")}</span>
        )}
        {state === "error" ? <span className="text-sm font-medium text-danger">{t("loadFailed")}</span> : null}
      </div>
    </>
  );
}
