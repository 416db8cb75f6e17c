// How a trigger reads in a sentence (the list and its own page): the event, the delay, the send window, reminders.
// The words are in messages/<locale>/surveys.json (triggers.when, .event, .delay, .window, .status).
import { useTranslations } from "next-intl";
import type { TriggerDto } from "@/lib/triggers/service";
import { OUTCOME_TONES, type Outcome } from "@/components/interactions/labels";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = { active: "ok", paused: "warn" };

export function TriggerStatusBadge({ status }: { status: string }) {
  const t = useTranslations("surveys.triggers.status");
  const tone = TONES[status];
  return <Badge tone={tone ?? "neutral"}>{tone ? t(status as "active" | "paused") : status}</Badge>;
}

export function TriggerWhen({ trigger: tr }: { trigger: TriggerDto }) {
  const t = useTranslations("surveys.triggers");
  const tOutcome = useTranslations("interactions.labels.outcome");
  const event =
    tr.builtIn === "resurvey"
      ? t("event.resurvey")
      : tr.event === "case_resolved"
        ? t("event.caseResolved")
        : t("event.interaction", {
            hasTouchpoint: tr.touchpoint ? "yes" : "no",
            touchpoint: tr.touchpoint?.name ?? "",
            hasOutcome: tr.outcome ? "yes" : "no",
            outcome: tr.outcome ? (OUTCOME_TONES[tr.outcome] ? tOutcome(tr.outcome as Outcome) : tr.outcome) : "",
          });
  const w = tr.sendWindow;
  return t("when", {
    event,
    delay: t("delay", { amount: tr.delay.amount, unit: tr.delay.unit }),
    sms: tr.channel === "sms" ? "yes" : "no",
    window: t("window", {
      any: w.startHour === w.endHour ? "yes" : "no",
      from: w.startHour,
      to: w.endHour,
      zone: w.timeZone ?? t("orgZone"),
    }),
    reminders: tr.reminders.count,
    hours: tr.reminders.delayHours,
  });
}
