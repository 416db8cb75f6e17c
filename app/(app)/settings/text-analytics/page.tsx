import Link from "next/link";
import { requireCtx } from "@/lib/auth/action";
import { listThemes, textAnalysisStatus } from "@/lib/text-analytics/service";
import { PageHeader, Section } from "@/components/ui/page-header";
import { AnalysisPanel } from "@/components/text-analytics/analysis-panel";
import { NewThemeForm, ThemeList } from "@/components/text-analytics/theme-editor";
import { SuggestedThemes } from "@/components/text-analytics/suggested-themes";
import { SUGGESTION_DEFAULT_DAYS, suggestThemes } from "@/lib/text-analytics/suggestions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Text analytics" };

// Settings → Text analytics (managers; docs/text-analytics.md): the organization's themes and their phrases, and the
// analysis of history with its progress.
export default async function TextAnalyticsPage() {
  const ctx = await requireCtx("manager");
  const [{ themes }, status, found] = await Promise.all([
    listThemes(ctx),
    textAnalysisStatus(ctx),
    suggestThemes(ctx, { days: SUGGESTION_DEFAULT_DAYS }),
  ]);
  const read = found.read.detractor + found.read.promoter + found.read.other;
  const job = status.job ? JSON.parse(JSON.stringify(status.job)) : null;
  return (
    <>
      <PageHeader
        title="Text analytics"
        description={
          <>
            <Link href="/settings" className="underline">
              Settings
            </Link>{" "}
            · Sentiment and themes of every comment and interaction note, in English and German, computed on this
            server. A comment mentions a theme when one of its phrases occurs in it.
          </>
        }
      />
      <Section title="Analysing history">
        <AnalysisPanel key={`${job?.id ?? "none"}-${status.version}`} initial={job} pending={status.pending} />
      </Section>
      <Section
        title="Themes"
        description={`${themes.filter((t) => !t.archived).length} themes match. A change of phrases re-analyses every comment in the background.`}
      >
        <ThemeList themes={themes.map(({ updatedAt: _, position: __, ...t }) => t)} canEdit />
      </Section>
      <Section
        title="Suggested themes"
        description={`Phrases detractors use distinctly more than promoters, in the ${read.toLocaleString("en")} comments of the last ${found.days} days that no theme covers${found.capped ? ` (the newest ${found.cap.toLocaleString("en")})` : ""}.`}
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
            takenKeys={themes.map((t) => t.key)}
          />
        ) : (
          <p className="text-sm text-slate-700" data-testid="no-suggestions">
            No suggestions now. A phrase is suggested when at least 5 uncovered comments and 3 detractors use it and it
            stands out against promoters (z ≥ 1.96); with a few hundred comments that is rare. Check again as comments
            arrive, or add a theme below for what you already know customers write about.
          </p>
        )}
      </Section>
      <Section title="Add a theme">
        <NewThemeForm />
      </Section>
    </>
  );
}
