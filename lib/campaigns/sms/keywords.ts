// The keywords of an inbound SMS that change whether a number may be texted (docs/distribution.md, "Replies and delivery receipts"):
// Twilio's default opt-out keywords — STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, and OPTOUT, REVOKE — and its
// opt-in keywords START, UNSTOP, YES. As carriers read them: the whole message is the keyword, in any case, with
// surrounding white space; "stop it please" or "STOP!" is an ordinary message and changes nothing.

const STOP = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"]);
const START = new Set(["START", "UNSTOP", "YES"]);

export type SmsKeyword = "stop" | "start";

/** "stop", "start", or null for any other text. */
export function smsKeyword(body: string | null | undefined): SmsKeyword | null {
  const trimmed = (body ?? "").trim();
  // ASCII letters only: toUpperCase would also turn "ſtop" (long s) or "quıt" (dotless i) into keywords.
  if (!/^[A-Za-z]{1,16}$/.test(trimmed)) return null;
  const word = trimmed.toUpperCase();
  if (STOP.has(word)) return "stop";
  if (START.has(word)) return "start";
  return null;
}
