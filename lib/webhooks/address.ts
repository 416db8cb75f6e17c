// Where webhooks may be sent, and what a failed attempt is called. Endpoint URLs go through the shared outbound
// guard (lib/net/outbound.ts) twice: when saved (schema.ts: the literal host; service.ts: what the name resolves
// to now) and on every attempt (worker.ts: the address actually connected to). Receivers inside the operator's
// network are allowed only through WEBHOOK_ALLOWLIST (empty by default). docs/security/webhooks.md.
import {
  assertUrlAllowed,
  OutboundError,
  resolvesAllowed,
  type OutboundFailure,
  type OutboundPolicy,
} from "../net/outbound";
import { ValidationError } from "../errors";

export const WEBHOOK_POLICY: OutboundPolicy = { allowlistEnv: "WEBHOOK_ALLOWLIST", httpsOnly: false };

export const BLOCKED_URL_REASON =
  "This URL points at a loopback, private, link-local or otherwise internal address, which Resonance does not send to. An operator can allow an internal receiver with WEBHOOK_ALLOWLIST.";

/** Null when the URL may be saved as far as can be told without the network; else the reason. */
export function literalUrlRefusal(value: string): string | null {
  try {
    assertUrlAllowed(WEBHOOK_POLICY, new URL(value));
    return null;
  } catch (error) {
    if (error instanceof OutboundError && error.kind === "blocked") return BLOCKED_URL_REASON;
    return null; // scheme and credentials have their own messages (schema.ts)
  }
}

/** At save time: a name that resolves to an internal address now is refused with a 400 naming `url`. */
export async function assertUrlResolvesOutside(value: string): Promise<void> {
  if (!(await resolvesAllowed(WEBHOOK_POLICY, new URL(value))))
    throw new ValidationError([{ name: "url", reason: BLOCKED_URL_REASON, in: "body" }]);
}

/** What an attempt's `error` holds: one of these classes, never the receiver's answer or a network error's text. */
export type AttemptFailure = OutboundFailure | "http_error" | "redirect" | "secret_unreadable";

export const ATTEMPT_FAILURE_LABELS: Record<AttemptFailure, string> = {
  http_error: "the endpoint answered with an error status",
  redirect: "the endpoint answered with a redirect, which is not followed",
  timeout: "no answer in time",
  refused: "connection refused",
  tls: "TLS or certificate error",
  unreachable: "could not connect (name lookup or network)",
  blocked: "internal address refused (see WEBHOOK_ALLOWLIST)",
  insecure: "only http:// and https:// URLs are sent to",
  invalid: "invalid URL",
  secret_unreadable: "the signing secret cannot be decrypted (WEBHOOK_SECRET_KEY changed?): rotate it",
};

/** The label of a stored error class; older or unknown values read as a generic failure. */
export function attemptFailureLabel(error: string | null): string | null {
  if (error === null) return null;
  return ATTEMPT_FAILURE_LABELS[error as AttemptFailure] ?? "delivery failed";
}
