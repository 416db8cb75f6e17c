import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { getAudience } from "@/lib/audiences/service";
import { getServiceReason } from "@/lib/i18n/server";
import { deleteAudienceAction } from "@/app/_actions/audiences";
import { PageHeader, Section } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { FormMessage } from "@/components/ui/form-message";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AudienceBuilder } from "@/components/audiences/audience-builder";
import { fromDefinition } from "@/components/audiences/criteria";
import { builderOptions } from "../options";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("settings.audiences.detail");
  return { title: t("title") };
}

export default async function AudiencePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx("manager");
  const { id } = await params;
  const [audience, options, t, reason] = await Promise.all([
    orNotFound(getAudience(ctx, id)),
    builderOptions(ctx),
    getTranslations("settings.audiences"),
    getServiceReason(),
  ]);

  return (
    <ClientMessages keys={["settings.audiences.builder"]}>
      <PageHeader
        title={audience.name}
        description={
          <>
            <Link href="/settings/audiences" className="underline">
              {t("title")}
            </Link>{" "}
            ·{" "}
            {audience.kind === "static"
              ? t("detail.staticIntro", { count: audience.members ?? 0 })
              : t("detail.dynamicIntro")}
          </>
        }
        actions={
          <ActionForm
            action={deleteAudienceAction.bind(null, audience.id)}
            submitLabel={t("detail.delete")}
            variant="danger"
            confirm={t("detail.deleteConfirm", { name: audience.name })}
          />
        }
      />
      {audience.definitionProblems ? (
        <FormMessage tone="error">
          {t.rich("detail.invalid", { b: (chunks) => <strong>{chunks}</strong> })}
          {/* the schema's reasons: the API's English worded by the table (docs/i18n.md "Errors") */}
          <ul className="mt-1 list-disc pl-5" data-testid="definition-problems">
            {audience.definitionProblems.map((p) => {
              const worded = reason(p.reason);
              return (
                <li key={`${p.name}:${p.reason}`} lang={worded === p.reason ? "en" : undefined}>
                  <code className="break-all">{p.name}</code>: {worded}
                </li>
              );
            })}
          </ul>
        </FormMessage>
      ) : null}
      <Section title={t("detail.definition")}>
        <AudienceBuilder
          audienceId={audience.id}
          initialName={audience.name}
          initialRows={audience.definition ? fromDefinition(audience.definition) : []}
          invalidDefinition={audience.definitionProblems}
          {...options}
        />
      </Section>
    </ClientMessages>
  );
}
