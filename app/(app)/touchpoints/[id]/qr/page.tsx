// /touchpoints/:id/qr — the printable QR code of a touchpoint (docs/distribution.md, "QR codes"): the A4 sheet
// (the same SVG the API serves), downloads as SVG and PDF, which survey the code leads to, and how many answers
// came through it. Managers and admins; another organization's touchpoint is a 404. Printing shows the sheet only.
import Link from "next/link";
import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getFormats } from "@/lib/i18n/server";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { ValidationError } from "@/lib/errors";
import { touchpointQr } from "@/lib/journeys/qr";
import { PageHeader, Section } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { PrintButton } from "@/components/reports/print-button";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("journeys.qr");
  return { title: t("metaTitle") };
}

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TouchpointQrPage({ params, searchParams }: Props) {
  const ctx = await requireCtx("manager");
  const [t, f] = await Promise.all([getTranslations("journeys.qr"), getFormats()]);
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const asked = typeof sp.survey === "string" && sp.survey ? sp.survey : undefined;
  // A stale or foreign ?survey= shows the default, and says so.
  const loaded = await orNotFound(
    touchpointQr(ctx, id, asked).then(
      (qr) => ({ qr, unknownSurvey: false }),
      async (error: unknown) => {
        if (!(error instanceof ValidationError)) throw error;
        return { qr: await touchpointQr(ctx, id), unknownSurvey: true };
      },
    ),
  );
  const { qr, unknownSurvey } = loaded;
  const api = (format: "svg" | "pdf") =>
    `/api/v1/touchpoints/${encodeURIComponent(qr.touchpoint.id)}/qr?${new URLSearchParams({
      format,
      ...(qr.survey ? { surveyId: qr.survey.id } : {}),
    })}`;
  const surveyOptions = qr.surveys.map((s) => ({
    value: s.id,
    label: s.linked ? t("linked", { name: s.name }) : s.name,
  }));
  return (
    <>
      <BackLink href={`/journeys/${encodeURIComponent(qr.touchpoint.journey.id)}`}>
        {qr.touchpoint.journey.name}
      </BackLink>
      <div className="print:hidden">
        <PageHeader
          title={t("title", { name: qr.touchpoint.name })}
          description={t("description")}
          actions={
            qr.survey ? (
              <>
                <PrintButton />
                <a href={api("pdf")} download className={buttonClass("secondary")}>
                  <Download aria-hidden="true" size={16} /> {t("pdf")}
                </a>
                <a href={api("svg")} download className={buttonClass("secondary")}>
                  <Download aria-hidden="true" size={16} /> {t("svg")}
                </a>
              </>
            ) : null
          }
        />
        {unknownSurvey ? <FormMessage tone="error">{t("unknownSurvey")}</FormMessage> : null}
        <div className="mb-6 grid gap-4 md:grid-cols-2">
          <Section title={t("survey")}>
            {qr.surveys.length === 0 ? (
              <p className="text-sm text-slate-700">
                {t.rich("noSurvey", {
                  link: (chunks) => (
                    <Link href="/surveys" className="underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            ) : (
              <form method="get" className="flex flex-wrap items-end gap-2">
                <Select
                  name="survey"
                  id="qr-survey"
                  label={t("leadsTo")}
                  options={qr.survey ? surveyOptions : [{ value: "", label: t("choose") }, ...surveyOptions]}
                  defaultValue={qr.survey?.id ?? ""}
                  hint={qr.survey ? undefined : t("notLinked")}
                />
                <button type="submit" className={buttonClass("secondary")}>
                  {t("use")}
                </button>
              </form>
            )}
          </Section>
          <Section title={t("answers")}>
            {qr.answers ? (
              <dl className="grid grid-cols-3 gap-2 text-sm">
                <div>
                  <dt className="text-slate-700">{t("all")}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{f.count(qr.answers.total)}</dd>
                </div>
                <div>
                  <dt className="text-slate-700">{t("completed")}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{f.count(qr.answers.completed)}</dd>
                </div>
                <div>
                  <dt className="text-slate-700">{t("last30")}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{f.count(qr.answers.last30Days)}</dd>
                </div>
              </dl>
            ) : (
              <p className="text-sm text-slate-700">{t("archived")}</p>
            )}
            <p className="mt-2 text-xs text-slate-700">{t("scans")}</p>
          </Section>
        </div>
      </div>
      {qr.survey && qr.url ? (
        <figure className="mx-auto max-w-2xl">
          {/* eslint-disable-next-line @next/next/no-img-element -- the API's SVG as it prints, not an optimisable photo */}
          <img
            src={api("svg")}
            alt={t("alt", { name: qr.touchpoint.name, url: qr.url })}
            width={794}
            height={1123}
            className="h-auto w-full border border-slate-200 bg-white shadow-sm print:border-0 print:shadow-none"
          />
          <figcaption className="mt-2 text-xs break-all text-slate-700 print:hidden">{qr.url}</figcaption>
        </figure>
      ) : null}
    </>
  );
}
