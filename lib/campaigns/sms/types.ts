// What an SMS provider answers the campaign worker (provider.ts).
export type SmsOutcome =
  /** The provider took the message; `id` is its id for it (Twilio's SM… sid). */
  | { status: "accepted"; id: string | null }
  /**
   * Refused for good. `reason`: "invalid_number" (the number cannot receive SMS: the invitation bounces and the
   * number is not texted again), "opted_out" (the person replied STOP to the sender: recorded as their opt-out),
   * "rejected" (this message was refused: it is dead, nothing is learnt about the number).
   */
  | { status: "permanent"; reason: "invalid_number" | "opted_out" | "rejected"; code: string }
  /**
   * Try again later, with backoff: the provider is down or busy, or the account or sender is set up wrongly. As
   * for SMTP, it ends the worker's tick, so a broken set-up never burns through a whole outbox at once.
   */
  | { status: "retry"; code: string };

export interface SmsProvider {
  readonly name: string;
  /**
   * Whether recipients can reply to the sender: false for an alphanumeric sender id ("Acme"), which cannot receive
   * texts — then a message must not ask for "Reply STOP" and carries the unsubscribe link instead (message.ts).
   */
  readonly replies: boolean;
  send(to: string, body: string): Promise<SmsOutcome>;
}
