// A touchpoint's kind and SERVQUAL dimension named in the page's language (journeys.editor.kinds / .servqual); the
// stored values are the English keys of lib/journeys/schema.ts.
import { useTranslations } from "next-intl";
import { SERVQUAL_DIMENSIONS, TOUCHPOINT_KINDS } from "@/lib/journeys/schema";

/** A touchpoint kind's and a SERVQUAL dimension's names; an unknown value as it is. */
export function useTouchpointWords() {
  const t = useTranslations("journeys.editor");
  const kind = (k: string) => ((TOUCHPOINT_KINDS as readonly string[]).includes(k) ? t(`kinds.${k as Kind}`) : k);
  const servqual = (d: string) =>
    (SERVQUAL_DIMENSIONS as readonly string[]).includes(d) ? t(`servqual.${d as Dimension}`) : d;
  return {
    kind,
    servqual,
    kindOptions: TOUCHPOINT_KINDS.map((value) => ({ value, label: kind(value) })),
    servqualOptions: [
      { value: "", label: t("servqualNone") },
      ...SERVQUAL_DIMENSIONS.map((value) => ({ value, label: servqual(value) })),
    ],
  };
}

type Kind = (typeof TOUCHPOINT_KINDS)[number];
type Dimension = (typeof SERVQUAL_DIMENSIONS)[number];
