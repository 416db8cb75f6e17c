import Link from "next/link";
import { requireCtx, requestOrigin } from "@/lib/auth/action";
import { getCustomerTokenSecretStatus } from "@/lib/customers/token-secrets";
import { PageHeader, Section } from "@/components/ui/page-header";
import { RotateSecretForm } from "@/components/settings/customer-identity/rotate-secret-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Customer identity" };

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function CustomerIdentityPage() {
  const ctx = await requireCtx("admin");
  const [status, origin] = await Promise.all([getCustomerTokenSecretStatus(ctx), requestOrigin()]);
  const snippet = `<script src="${origin}/embed.js" data-survey="<publicId>"\n  data-customer="<external id>" data-customer-token="<token from your server>" async></script>`;

  return (
    <>
      <PageHeader
        title="Customer identity"
        description={
          <>
            <Link href="/settings" className="underline">
              Settings
            </Link>{" "}
            · A response is linked to a customer only when it carries a customer token: an HMAC-SHA256 of the survey,
            the customer&apos;s external id and an expiry, signed with this organization&apos;s secret. Without one, the
            customer id is kept as an unverified claim and links, opens and tells nothing.
          </>
        }
      />
      <Section
        title="Signing secret"
        description="Resonance signs its own links with it (the re-survey after a resolved case); your server signs tokens for the widget with it. Stored encrypted; shown once when made."
      >
        <dl className="mb-4 grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
          <dt className="font-medium text-slate-700">Current secret</dt>
          <dd className="text-slate-900">
            {status.current ? `${status.current.hint}, made ${when(status.current.createdAt)}` : "None yet"}
          </dd>
          {status.previous.map((p) => (
            <div key={p.hint + p.createdAt.toISOString()} className="contents">
              <dt className="font-medium text-slate-700">Previous secret</dt>
              <dd className="text-slate-900">
                {p.hint}, valid until {when(p.validUntil)}
              </dd>
            </div>
          ))}
        </dl>
        <RotateSecretForm hasSecret={status.current !== null} />
      </Section>
      <Section
        title="Widget on your site"
        description="Your server makes the token when it renders the page, for the survey and the signed-in customer; tokens of a day or less are a good choice."
      >
        {/* Focusable, so a keyboard can scroll it sideways on a phone. */}
        <pre
          tabIndex={0}
          aria-label="Widget snippet"
          className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"
        >
          <code>{snippet}</code>
        </pre>
        <p className="mt-2 text-sm text-slate-600">
          token ={" "}
          <code className="font-mono">
            {'<expiry>.<base64url(HMAC-SHA256(secret, "<publicId>.<external id>.<expiry>"))>'}
          </code>
          , expiry in Unix seconds. Hosted links take{" "}
          <code className="font-mono">?cid=&lt;external id&gt;&amp;ct=&lt;token&gt;</code>.
          docs/security/signed-customer-token.md has snippets for Node, Python and openssl.
        </p>
      </Section>
    </>
  );
}
