import Link from "next/link";
import { UsersRound } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { listAudiences } from "@/lib/audiences/service";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import { AudienceBuilder } from "@/components/audiences/audience-builder";
import { StaticUploadForm } from "@/components/audiences/static-upload-form";
import { MatchCount } from "@/components/audiences/match-count";
import { builderOptions } from "./options";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audiences" };

export default async function AudiencesPage() {
  const ctx = await requireCtx("manager");
  const [{ data: audiences }, options] = await Promise.all([listAudiences(ctx, { limit: 100 }), builderOptions(ctx)]);

  return (
    <>
      <PageHeader
        title="Audiences"
        description={
          <>
            <Link href="/settings" className="underline">
              Settings
            </Link>{" "}
            · Saved groups of customers to invite to surveys. A definition is evaluated whenever it is used, so it
            always means who matches now.
          </>
        }
      />
      <Section title="Your audiences">
        {audiences.length === 0 ? (
          <EmptyState title="No audiences yet" icon={<UsersRound size={28} />}>
            Build one below — for example detractors who called support in the last 30 days, or customers on the pro
            plan who speak German — or upload a CSV of e-mail addresses or external ids. The preview shows how many
            match and who cannot be reached by e-mail.
          </EmptyState>
        ) : (
          <Table label="Audiences">
            <THead>
              <tr>
                <Th>Name</Th>
                <Th>Match now</Th>
                <Th className="hidden sm:table-cell">Kind</Th>
                <Th className="hidden sm:table-cell">Changed</Th>
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
                        <Badge tone="danger">Invalid definition: matches no one</Badge>
                        <span className="text-xs text-slate-700">
                          {a.definitionProblems[0].name}: {a.definitionProblems[0].reason}
                        </span>
                      </span>
                    ) : (
                      <MatchCount id={a.id} />
                    )}
                  </Td>
                  <Td className="hidden sm:table-cell">
                    <Badge tone={a.definitionProblems ? "danger" : a.kind === "static" ? "neutral" : "brand"}>
                      {a.kind === "static"
                        ? `List of ${a.members ?? 0}`
                        : a.definition
                          ? `${a.definition.criteria.length} criteria`
                          : "Invalid"}
                    </Badge>
                  </Td>
                  <Td className="hidden sm:table-cell">{formatDate(a.updatedAt)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>
      <Section
        title="Build an audience"
        description="Criteria rows that must all hold; the preview updates as you type."
      >
        <AudienceBuilder {...options} />
      </Section>
      <Section
        title="Upload a list"
        description="A static audience from a CSV: every row must name one of your customers, or nothing is saved."
      >
        <StaticUploadForm />
      </Section>
    </>
  );
}
