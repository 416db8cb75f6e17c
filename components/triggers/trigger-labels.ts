// How a trigger reads in a sentence (the list and its own page): the event, the delay, the send window, reminders.
import type { TriggerDto } from "@/lib/triggers/service";
import { OUTCOME_LABELS } from "@/components/interactions/labels";

export const TRIGGER_STATUS: Record<string, { label: string; tone: "ok" | "warn" }> = {
  active: { label: "Active", tone: "ok" },
  paused: { label: "Paused", tone: "warn" },
};

export function triggerWhen(t: TriggerDto): string {
  const event =
    t.builtIn === "resurvey"
      ? "When an agent resolves a case and asks for a re-survey"
      : t.event === "case_resolved"
        ? "When a case is resolved"
        : `After an interaction${t.touchpoint ? ` at ${t.touchpoint.name}` : ""}${
            t.outcome ? ` with outcome “${OUTCOME_LABELS[t.outcome]?.label ?? t.outcome}”` : ""
          }`;
  const unit = t.delay.amount === 1 ? t.delay.unit.replace(/s$/, "") : t.delay.unit;
  const delay = t.delay.amount === 0 ? "at once" : `${t.delay.amount} ${unit} later`;
  const w = t.sendWindow;
  const window =
    w.startHour === w.endHour
      ? "any hour"
      : `${w.startHour}:00–${w.endHour}:00 customer time (else ${w.timeZone ?? "the organization's zone"})`;
  const reminders = t.reminders.count
    ? `; ${t.reminders.count} reminder${t.reminders.count > 1 ? "s" : ""} after ${t.reminders.delayHours} h`
    : "";
  return `${event}: ${delay}${t.channel === "sms" ? " by SMS" : ""}, ${window}${reminders}`;
}
