// The SMS provider interface of the campaign worker (docs/distribution.md, "SMS"): send(to, body) answers one of
// three outcomes, and the worker does the rest (lease, retries with backoff, rate, records), as for e-mail.
// One real wire format is implemented: Twilio's Messages REST API (twilio.ts). Configured by the environment:
//   SMS_PROVIDER=twilio, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, and TWILIO_FROM (a sender number in E.164 form,
//   or an alphanumeric sender id) or TWILIO_MESSAGING_SERVICE_SID (MG…); TWILIO_API_BASE_URL defaults to
//   Twilio's API host — the tests point it at a receiver on 127.0.0.1.
// Without SMS_PROVIDER, SMS messages wait in the outbox (as e-mail waits without SMTP_URL); a provider named but
// set up incompletely stops the worker's start-up with the missing variable, never each send.
import { twilioFromEnv } from "./twilio";
import type { SmsProvider } from "./types";

export type { SmsOutcome, SmsProvider } from "./types";

type Env = Record<string, string | undefined>;

/** Whether an SMS provider is named (the campaigns page says when SMS invitations wait for one). */
export const smsConfigured = (env: Env = process.env) => Boolean(env.SMS_PROVIDER?.trim());

/** The configured provider; null when SMS_PROVIDER is not set. Throws naming what is missing or unknown. */
export function smsProviderFromEnv(env: Env = process.env): SmsProvider | null {
  const name = env.SMS_PROVIDER?.trim().toLowerCase();
  if (!name) return null;
  if (name === "twilio") return twilioFromEnv(env);
  throw new Error(`SMS_PROVIDER=${name} is not a provider this server knows (twilio).`);
}

let shared: { key: string; provider: SmsProvider | null } | null = null;

/** The server's provider (made once per configuration), or null without one. */
export function serverSmsProvider(env: Env = process.env): SmsProvider | null {
  const key = [
    env.SMS_PROVIDER,
    env.TWILIO_ACCOUNT_SID,
    env.TWILIO_AUTH_TOKEN,
    env.TWILIO_FROM,
    env.TWILIO_MESSAGING_SERVICE_SID,
    env.TWILIO_API_BASE_URL,
    env.PUBLIC_URL,
  ].join("\n");
  if (shared?.key !== key) shared = { key, provider: smsProviderFromEnv(env) };
  return shared.provider;
}
