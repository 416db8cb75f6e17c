import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireCtx, requestOrigin } from "@/lib/auth/action";
import { getCustomerTokenSecretStatus } from "@/lib/customers/token-secrets";
import { PageHeader, Section } from "@/components/ui/page-header";
import { RotateSecretForm } from "@/components/settings/customer-identity/rotate-secret-form";
import { utcMinute as when } from "@/components/settings/customer-identity/when";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("nav.customerIdentity") };
}

// Code, the same in every language (its placeholders are named in the page's language).
const TOKEN_FORMULA = '<expiry>.<base64url(HMAC-SHA256(secret, "<publicId>.<external id>.<expiry>"))>';
const HOSTED_QUERY = "?cid=<external id>&ct=<token>";

export default async function CustomerIdentityPage() {
  const ctx = await requireCtx("admin");
  const t = await getTranslations("settings");
  const [status, origin] = await Promise.all([getCustomerTokenSecretStatus(ctx), requestOrigin()]);
  const snippet = `<script src="${origin}/embed.js" data-survey="<publicId>"\n  data-customer="<${t("customerIdentityPage.snippetCustomer")}>" data-customer-token="<${t("customerIdentityPage.snippetToken")}>" async></script>`;
  const code = (chunks: React.ReactNode) => <code className="font-mono">{chunks}</code>;

  return (
    <ClientMessages keys={["settings.rotateSecret", "settings.secretForm", "settings.oneTimeSecret"]}>
      <>
        <PageHeader
          title={t("nav.customerIdentity")}
          description={
            <>
              <Link href="/settings" className="underline">
                {t("title")}
              </Link>{" "}
              · {t("customerIdentityPage.intro")}
            </>
          }
        />
        <Section title={t("customerIdentityPage.signing")} description={t("customerIdentityPage.signingDescription")}>
          <dl className="mb-4 grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
            <dt className="font-medium text-slate-700">{t("customerIdentityPage.current")}</dt>
            <dd className="text-slate-900">
              {status.current
                ? t("customerIdentityPage.currentValue", {
                    hint: status.current.hint,
                    when: when(status.current.createdAt),
                  })
                : t("customerIdentityPage.none")}
            </dd>
            {status.previous.map((p) => (
              <div key={p.hint + p.createdAt.toISOString()} className="contents">
                <dt className="font-medium text-slate-700">{t("customerIdentityPage.previous")}</dt>
                <dd className="text-slate-900">
                  {t("customerIdentityPage.previousValue", { hint: p.hint, when: when(p.validUntil) })}
                </dd>
              </div>
            ))}
          </dl>
          <RotateSecretForm hasSecret={status.current !== null} />
        </Section>
        <Section title={t("customerIdentityPage.widget")} description={t("customerIdentityPage.widgetDescription")}>
          {/* Focusable, so a keyboard can scroll it sideways on a phone. */}
          <pre
            tabIndex={0}
            aria-label={t("customerIdentityPage.snippet")}
            className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"
          >
            <code>{snippet}</code>
          </pre>
          <p className="mt-2 text-sm break-words text-slate-600">
            {t.rich("customerIdentityPage.tokenFormat", { formula: TOKEN_FORMULA, query: HOSTED_QUERY, code })}
          </p>
        </Section>
      </>
    </ClientMessages>
  );
}
