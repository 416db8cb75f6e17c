"use client";
// Enrolment: the QR code and setup key made on the server, then the code the app shows for them. On success
// the steps give way to the recovery codes (shown once).
import Link from "next/link";
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
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage tone="success">
          Two-factor authentication is on. From now on you sign in with your password and a code from the app.
        </FormMessage>
        <RecoveryCodesPanel codes={state.data.recoveryCodes} email={email} />
        <Link href="/" className={buttonClass("primary", "md", "w-full py-2 text-center whitespace-normal")}>
          I have saved my recovery codes — continue
        </Link>
      </div>
    );
  }
  return (
    <ol className="flex flex-col gap-6 text-sm text-slate-800">
      <li>
        <h2 className="font-semibold text-slate-900">1. Get an authenticator app</h2>
        <p className="mt-1 text-slate-600">
          Any app for time-based codes (TOTP) works: 1Password, Bitwarden, Google Authenticator, Microsoft
          Authenticator, Aegis, FreeOTP…
        </p>
      </li>
      <li>
        <h2 className="font-semibold text-slate-900">2. Scan this QR code with it</h2>
        {/* A data: URL SVG made on the server (the page CSP allows img-src data:); nothing for next/image to optimise. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- see above */}
        <img
          src={enrolment.qrDataUrl}
          alt="QR code to add your Resonance account to an authenticator app"
          width={192}
          height={192}
          className="mt-3 rounded-md border border-slate-200 bg-white"
        />
        <p className="mt-3 text-slate-600">
          Cannot scan? Choose “enter a setup key” in the app and type this key (time-based, 6 digits, 30 seconds):
        </p>
        <p
          className="mt-1 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm tracking-wide break-all text-slate-900"
          data-testid="totp-secret"
          aria-label="Setup key"
        >
          {enrolment.secretForTyping}
        </p>
      </li>
      <li>
        <h2 className="mb-2 font-semibold text-slate-900">3. Enter the code the app shows</h2>
        <form
          action={dispatch}
          onSubmit={onSubmit}
          className="flex flex-col gap-3"
          aria-label="Turn on two-factor authentication"
        >
          <input type="hidden" name="pending" value={enrolment.pending} />
          <Input
            name="code"
            label="6-digit code from the app"
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
              label="Your current password"
              autoComplete="current-password"
              required
              error={fieldErrors?.password}
              className="sm:w-56"
            />
          ) : null}
          <div>
            <SubmitButton pending={pending} pendingLabel="Checking…">
              Turn on two-factor
            </SubmitButton>
          </div>
          {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
        </form>
      </li>
    </ol>
  );
}
