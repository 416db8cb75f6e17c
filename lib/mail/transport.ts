// The one way the app sends e-mail: the weekly digest, the re-survey after a case, invites, password resets
// and e-mail change links all go through this module and the SMTP server named by DIGEST_SMTP_URL (or
// SMTP_URL). Without one, nothing is e-mailed and each feature says so in its UI (mailConfigured()).
import nodemailer, { type Transporter } from "nodemailer";

/** What a sender needs of a nodemailer transport (tests pass a real one pointed at a local SMTP sink). */
export type Mailer = Pick<Transporter, "sendMail">;

export type MailMessage = {
  to: string | string[];
  subject: string;
  text: string;
  html: string;
  /** Extra header fields (e.g. List-Unsubscribe); nodemailer encodes them. */
  headers?: Record<string, string>;
};

type Env = NodeJS.ProcessEnv;

/** The server's SMTP URL: DIGEST_SMTP_URL, else SMTP_URL, else null (no e-mail). */
export function smtpUrlFromEnv(env: Env = process.env): string | null {
  return env.DIGEST_SMTP_URL || env.SMTP_URL || null;
}

export function mailConfigured(env: Env = process.env): boolean {
  return smtpUrlFromEnv(env) !== null;
}

export function mailerFromUrl(url: string): Transporter {
  // Settings in the URL (smtps://user:pass@host:465, ?tls.rejectUnauthorized=false, …) win over these timeouts.
  return nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
}

/** The sender: MAIL_FROM, else DIGEST_FROM (its older name), else a local placeholder. */
export function fromAddress(env: Env = process.env): string {
  return env.MAIL_FROM || env.DIGEST_FROM || "Resonance <resonance@localhost>";
}

/** Where links in e-mails point: PUBLIC_URL, else NEXTAUTH_URL, else the default local address. */
export function publicBaseUrl(env: Env = process.env): string {
  return (env.PUBLIC_URL || env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}

// One pooled transport per process and URL, made on first use.
let shared: { url: string; mailer: Transporter } | null = null;

/** The server's transport, or null when no SMTP server is configured. */
export function serverMailer(env: Env = process.env): Mailer | null {
  const url = smtpUrlFromEnv(env);
  if (!url) return null;
  if (shared?.url !== url) shared = { url, mailer: mailerFromUrl(url) };
  return shared.mailer;
}

/** Sends one message through `mailer` (default: the server's transport). Throws when there is none or SMTP fails. */
export async function sendMail(
  message: MailMessage,
  mailer: Mailer | null = serverMailer(),
): Promise<{ messageId: string | null }> {
  if (!mailer) throw new Error("No SMTP server is configured (SMTP_URL).");
  const info = await mailer.sendMail({ from: fromAddress(), ...message });
  return { messageId: typeof info?.messageId === "string" ? info.messageId.slice(0, 200) : null };
}
