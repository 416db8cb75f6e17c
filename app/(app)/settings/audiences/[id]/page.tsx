import Link from "next/link";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { getAudience } from "@/lib/audiences/service";
import { deleteAudienceAction } from "@/app/_actions/audiences";
import { PageHeader, Section } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { FormMessage } from "@/components/ui/form-message";
import { AudienceBuilder } from "@/components/audiences/audience-builder";
import { fromDefinition } from "@/components/audiences/criteria";
import { builderOptions } from "../options";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audience" };

export default async function AudiencePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx("manager");
  const { id } = await params;
  const [audience, options] = await Promise.all([orNotFound(getAudience(ctx, id)), builderOptions(ctx)]);

  return (
    <>
      <PageHeader
        title={audience.name}
        description={
          <>
            <Link href="/settings/audiences" className="underline">
              Audiences
            </Link>{" "}
            ·{" "}
            {audience.kind === "static"
              ? `An uploaded list of ${audience.members ?? 0} customers; criteria below narrow it further.`
              : "Evaluated whenever it is used: always who matches now."}
          </>
        }
        actions={
          <ActionForm
            action={deleteAudienceAction.bind(null, audience.id)}
            submitLabel="Delete audience"
            variant="danger"
            confirm={`Delete the audience "${audience.name}"? Its customers stay.`}
          />
        }
      />
      {audience.definitionProblems ? (
        <FormMessage tone="error">
          <strong>This audience&apos;s saved definition is invalid</strong>, so it matches no customer — in its count,
          its preview, the API and any invitation — until a new definition is saved. What is wrong:
          <ul className="mt-1 list-disc pl-5" data-testid="definition-problems">
            {audience.definitionProblems.map((p) => (
              <li key={`${p.name}:${p.reason}`}>
                <code className="break-all">{p.name}</code>: {p.reason}
              </li>
            ))}
          </ul>
        </FormMessage>
      ) : null}
      <Section title="Definition">
        <AudienceBuilder
          audienceId={audience.id}
          initialName={audience.name}
          initialRows={audience.definition ? fromDefinition(audience.definition) : []}
          invalidDefinition={audience.definitionProblems}
          {...options}
        />
      </Section>
    </>
  );
}
