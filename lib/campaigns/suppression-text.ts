// The sentence a person reads for a suppression reason (docs/distribution.md, "Suppression log").
const DAY_MS = 86_400_000;

/** Whole days from the last contact to the skip (0: the same day or earlier); null without a contact. */
export function daysSinceContact(lastContactAt: Date | null, at: Date): number | null {
  return lastContactAt ? Math.max(0, Math.floor((at.getTime() - lastContactAt.getTime()) / DAY_MS)) : null;
}

/** The sentence for a reason (English, as the API gives it; the pages word it from messages/<locale>/surveys.json
 * `rates.suppression.reason`): "invited 12 days ago" counts whole days from the contact to the skip. */
export function suppressionText(reason: string, lastContactAt: Date | null, at: Date): string {
  switch (reason) {
    case "recently_invited": {
      const days = daysSinceContact(lastContactAt, at);
      if (days === null) return "invited recently";
      return days <= 0 ? "invited earlier today" : days === 1 ? "invited 1 day ago" : `invited ${days} days ago`;
    }
    case "opted_out":
      return "opted out";
    case "no_email":
      return "no e-mail";
    case "no_external_id":
      return "no external id (the signed link needs one)";
    case "bouncing":
      return "bouncing";
    case "sms_stop":
      return "replied STOP to a text";
    case "erased":
      return "erased";
    case "quiet_hours":
      return "quiet hours";
    default:
      return reason.replace(/_/g, " ");
  }
}
