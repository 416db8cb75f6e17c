// "On this page" for Settings, a long page of sections: one link per section heading, wrapping on a wide screen
// and scrolling sideways within itself on a phone.
import { useTranslations } from "next-intl";
import { sectionHeadingId } from "../ui/page-header";

/** A section by its (translated) heading, with the id it was given (Section's `id`): give one, so that the anchor
 * is the same in every language. */
export type NavSection = string | { title: string; id: string };

export function SettingsNav({ sections }: { sections: NavSection[] }) {
  const t = useTranslations("settings.nav");
  return (
    <nav aria-label={t("label")} className="mb-8 -mx-1 overflow-x-auto px-1 pb-1">
      <ul className="flex w-max gap-2 sm:w-auto sm:flex-wrap">
        {sections.map((s) => {
          const { title, id } = typeof s === "string" ? { title: s, id: undefined } : s;
          return (
            <li key={title}>
              <a
                href={`#${sectionHeadingId(title, id)}`}
                className="inline-flex min-h-9 items-center rounded-full border border-slate-300 bg-white px-3 text-sm font-medium whitespace-nowrap text-slate-800 hover:border-brand-500 hover:bg-brand-50"
              >
                {title}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
