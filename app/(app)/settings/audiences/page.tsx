import Link from "next/link";
import { UsersRound } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { listAudiences } from "@/lib/audiences/service";
import type { DefinitionProblem } from "@/lib/audiences/definition";
import { getFormats, getServiceReason } from "@/lib/i18n/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AudienceBuilder } from "@/components/audiences/audience-builder";
import { StaticUploadForm } from "@/components/audiences/static-upload-form";
import { MatchCount } from "@/components/audiences/match-count";
import { builderOptions } from "./options";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("settings.audiences");
  return { title: t("title") };
}

export default async function AudiencesPage() {
  const ctx = await requireCtx("manager");
  const [{ data: audiences }, options, t, f, reason] = await Promise.all([
    listAudiences(ctx, { limit: 100 }),
    builderOptions(ctx),
    getTranslations("settings"),
    getFormats(),
    getServiceReason(),
  ]);

  return (
    <ClientMessages
      keys={[
        "settings.audiences.builder",
        "settings.audiences.count",
        "settings.audiences.uploadForm",
        "errors.service",
      ]}
    >
      <PageHeader
        title={t("audiences.title")}
        description={
          <>
            <Link href="/settings" className="underline">
              {t("title")}
            </Link>{" "}
            · {t("audiences.intro")}
          </>
        }
      />
      <Section title={t("audiences.yours")}>
        {audiences.length === 0 ? (
          <EmptyState title={t("audiences.emptyTitle")} icon={<UsersRound size={28} />}>
            {t("audiences.emptyBody")}
          </EmptyState>
        ) : (
          <Table label={t("audiences.title")}>
            <THead>
              <tr>
                <Th>{t("audiences.columns.name")}</Th>
                <Th>{t("audiences.columns.matchNow")}</Th>
                <Th className="hidden sm:table-cell">{t("audiences.columns.kind")}</Th>
                <Th className="hidden sm:table-cell">{t("audiences.columns.changed")}</Th>
              </tr>
            </THead>
            <TBody>
              {audiences.map((a) => (
                <tr key={a.id}>
                  <Td>
                    <Link href={`/settings/audiences/${a.id}`} className="font-medium text-brand-700 underline">
                      {a.name}
                    </Link>
                  </Td>
                  <Td className="tabular-nums">
                    {a.definitionProblems ? (
                      <span className="flex flex-col items-start gap-1">
                        <span>0</span>
                        <Badge tone="danger" className="whitespace-normal!">
                          {t("audiences.invalidBadge")}
                        </Badge>
                        {/* the schema's reason: the API's English worded by the table (docs/i18n.md "Errors") */}
                        <ProblemLine
                          problem={a.definitionProblems[0]}
                          worded={reason(a.definitionProblems[0].reason)}
                        />
                      </span>
                    ) : (
                      <MatchCount id={a.id} />
                    )}
                  </Td>
                  <Td className="hidden sm:table-cell">
                    <Badge tone={a.definitionProblems ? "danger" : a.kind === "static" ? "neutral" : "brand"}>
                      {a.kind === "static"
                        ? t("audiences.kindList", { count: f.count(a.members ?? 0) })
                        : a.definition
                          ? t("audiences.kindCriteria", { count: a.definition.criteria.length })
                          : t("audiences.kindInvalid")}
                    </Badge>
                  </Td>
                  <Td className="hidden sm:table-cell">{f.date(a.updatedAt)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>
      <Section title={t("audiences.build")} description={t("audiences.buildHint")}>
        <AudienceBuilder {...options} />
      </Section>
      <Section title={t("audiences.upload")} description={t("audiences.uploadHint")}>
        <StaticUploadForm />
      </Section>
    </ClientMessages>
  );
}

/** A stored definition's problem: its path and reason, marked English when the table does not word it. */
function ProblemLine({ problem, worded }: { problem: DefinitionProblem; worded: string }) {
  return (
    <span className="text-xs wrap-anywhere text-slate-700" lang={worded === problem.reason ? "en" : undefined}>
      {problem.name}: {worded}
    </span>
  );
}
