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
// Their words are in messages/<locale>/settings.json (webhookFailures), chosen by components/settings/webhooks/labels.ts.
