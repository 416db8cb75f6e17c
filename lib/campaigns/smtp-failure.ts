// How the campaign worker reads a failed SMTP send (lib/campaigns/worker.ts): pure, so it is tested on its own.
export type SmtpError = {
  responseCode?: unknown;
  code?: unknown;
  command?: unknown;
  response?: unknown;
  message?: unknown;
};

/**
 * What an SMTP failure says, and about what (docs/distribution.md, "Outbox and worker"):
 * - "bounce": the server refused this recipient for good (5xx to RCPT TO, not a 5.7.x policy refusal): the address
 *   is marked bouncing and the message is dead;
 * - "dead": the server refused this message for good (5xx to RCPT TO for policy, or to DATA): the message is dead;
 * - "retry": anything else — a 4xx, a lost connection, and refusals that are about the server or the sender, not
 *   the message (a 5xx to the login or to MAIL FROM: a wrong SMTP password or sender). These are retried with
 *   backoff and end the tick, so a broken SMTP set-up never kills a whole outbox at once.
 */
export function classifySmtpFailure(f: SmtpError): "bounce" | "dead" | "retry" {
  const code = typeof f.responseCode === "number" ? f.responseCode : null;
  if (code === null || code < 500 || code >= 600) return "retry";
  const command = typeof f.command === "string" ? f.command.toUpperCase() : "";
  if (command.startsWith("RCPT")) return /\b5\.7\.\d+/.test(String(f.response ?? "")) ? "dead" : "bounce";
  if (command.startsWith("DATA") || command === "MESSAGE") return "dead";
  return "retry";
}
