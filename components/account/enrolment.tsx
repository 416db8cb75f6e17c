"use client";
// Enrolment: the QR code and setup key made on the server, then the code the app shows for them. On success
// the steps give way to the recovery codes (shown once).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { enableTwoFactorAction } from "@/app/_actions/two-factor";
import { Input } from "../ui/input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { buttonClass } from "../ui/button";
import { useActionForm } from "../ui/use-action-form";
import { RecoveryCodesPanel } from "./recovery-codes";

type Enrolment = { pending: string; secretForTyping: string; qrDataUrl: string };

export function Enrolment({
  enrolment,
  email,
  hasPassword,
}: {
  enrolment: Enrolment;
  email: string;
  hasPassword: boolean;
}) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(enableTwoFactorAction);
  const t = useTranslations("account.twoFactor");
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage tone="success">{t("enabled")}</FormMessage>
        <RecoveryCodesPanel codes={state.data.recoveryCodes} email={email} />
        <Link href="/" className={buttonClass("primary", "md", "w-full py-2 text-center whitespace-normal")}>
          {t("savedContinue")}
        </Link>
      </div>
    );
  }
  return (
    <ol className="flex flex-col gap-6 text-sm text-slate-800">
      <li>
        <h2 className="font-semibold text-slate-900">{t("step1")}</h2>
        <p className="mt-1 text-slate-600">{t("step1Text")}</p>
      </li>
      <li>
        <h2 className="font-semibold text-slate-900">{t("step2")}</h2>
        {/* A data: URL SVG made on the server (the page CSP allows img-src data:); nothing for next/image to optimise. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- see above */}
        <img
          src={enrolment.qrDataUrl}
          alt={t("qrAlt")}
          width={192}
          height={192}
          className="mt-3 rounded-md border border-slate-200 bg-white"
        />
        <p className="mt-3 text-slate-600">{t("cannotScan")}</p>
        <p
          className="mt-1 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm tracking-wide break-all text-slate-900"
          data-testid="totp-secret"
          aria-label={t("setupKey")}
        >
          {enrolment.secretForTyping}
        </p>
      </li>
      <li>
        <h2 className="mb-2 font-semibold text-slate-900">{t("step3")}</h2>
        <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={t("enableLabel")}>
          <input type="hidden" name="pending" value={enrolment.pending} />
          <Input
            name="code"
            label={t("appCode")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            error={fieldErrors?.code ?? fieldErrors?.pending}
            className="sm:w-56"
          />
          {hasPassword ? (
            <Input
              name="password"
              type="password"
              label={t("yourPassword")}
              autoComplete="current-password"
              required
              error={fieldErrors?.password}
              className="sm:w-56"
            />
          ) : null}
          <div>
            <SubmitButton pending={pending} pendingLabel={t("checking")}>
              {t("enableSubmit")}
            </SubmitButton>
          </div>
          {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
        </form>
      </li>
    </ol>
  );
}
