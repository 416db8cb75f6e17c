import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormats } from "@/lib/i18n/server";
import { requireCtx } from "@/lib/auth/action";
import { listThemes, textAnalysisStatus } from "@/lib/text-analytics/service";
import { PageHeader, Section } from "@/components/ui/page-header";
import { AnalysisPanel } from "@/components/text-analytics/analysis-panel";
import { NewThemeForm, ThemeList } from "@/components/text-analytics/theme-editor";
import { SuggestedThemes } from "@/components/text-analytics/suggested-themes";
import { SUGGESTION_DEFAULT_DAYS, suggestThemes } from "@/lib/text-analytics/suggestions";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("reports.textAnalytics.settings");
  return { title: t("title") };
}

// Settings → Text analytics (managers; docs/text-analytics.md): the organization's themes and their phrases, and the
// analysis of history with its progress.
export default async function TextAnalyticsPage() {
  const ctx = await requireCtx("manager");
  const [t, f] = await Promise.all([getTranslations("reports.textAnalytics.settings"), getFormats()]);
  const [{ themes }, status, found] = await Promise.all([
    listThemes(ctx),
    textAnalysisStatus(ctx),
    suggestThemes(ctx, { days: SUGGESTION_DEFAULT_DAYS }),
  ]);
  const read = found.read.detractor + found.read.promoter + found.read.other;
  const job = status.job ? JSON.parse(JSON.stringify(status.job)) : null;
  return (
    <ClientMessages
      keys={[
        "reports.textAnalytics.analysis",
        "reports.textAnalytics.editor",
        "reports.textAnalytics.suggestions",
        "settings.jobProgress",
        "errors.service",
      ]}
    >
      <PageHeader
        title={t("title")}
        description={t.rich("description", {
          settings: (chunks) => (
            <Link href="/settings" className="underline">
              {chunks}
            </Link>
          ),
        })}
      />
      <Section id="analysing-history" title={t("analysing")}>
        <AnalysisPanel key={`${job?.id ?? "none"}-${status.version}`} initial={job} pending={status.pending} />
      </Section>
      <Section
        id="themes"
        title={t("themes")}
        description={t("themesDescription", { count: themes.filter((theme) => !theme.archived).length })}
      >
        <ThemeList themes={themes.map(({ updatedAt: _, position: __, ...theme }) => theme)} canEdit />
      </Section>
      <Section
        id="suggested-themes"
        title={t("suggested")}
        description={
          found.capped
            ? t("suggestedDescriptionCapped", { read: f.count(read), days: found.days, cap: f.count(found.cap) })
            : t("suggestedDescription", { read: f.count(read), days: found.days })
        }
      >
        {found.suggestions.length ? (
          <SuggestedThemes
            suggestions={found.suggestions.map(
              ({ phrase, language, detractors, promoters, comments, z, examples, alternatives }) => ({
                phrase,
                language,
                detractors,
                promoters,
                comments,
                z,
                examples,
                alternatives,
              }),
            )}
            takenKeys={themes.map((theme) => theme.key)}
          />
        ) : (
          <p className="text-sm text-slate-700" data-testid="no-suggestions">
            {t("noSuggestions", { z: f.number(1.96, 2) })}
          </p>
        )}
      </Section>
      <Section id="add-a-theme" title={t("add")}>
        <NewThemeForm />
      </Section>
    </ClientMessages>
  );
}
