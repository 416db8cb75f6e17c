import Link from "next/link";
import { requireCtx } from "@/lib/auth/action";
import { listThemes, textAnalysisStatus } from "@/lib/text-analytics/service";
import { PageHeader, Section } from "@/components/ui/page-header";
import { AnalysisPanel } from "@/components/text-analytics/analysis-panel";
import { NewThemeForm, ThemeList } from "@/components/text-analytics/theme-editor";

export const dynamic = "force-dynamic";
export const metadata = { title: "Text analytics" };

// Settings → Text analytics (managers; docs/text-analytics.md): the organization's themes and their phrases, and the
// analysis of history with its progress.
export default async function TextAnalyticsPage() {
  const ctx = await requireCtx("manager");
  const [{ themes }, status] = await Promise.all([listThemes(ctx), textAnalysisStatus(ctx)]);
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
      <Section title="Add a theme">
        <NewThemeForm />
      </Section>
    </>
  );
}
