"use client";
// The new-campaign form: channel (e-mail or SMS), survey, audience, schedule, and how it sends (the send window,
// subject and reminders: SendingFields, shared with the trigger form). Errors appear next to their fields; what
// was typed stays when the save fails. An empty time zone is the organization's (its contact rules).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createCampaignAction } from "@/app/_actions/campaigns";
import { Input } from "@/components/ui/input";
import { Select, type Option } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { SendingFields, type SendingContext } from "@/components/sending/sending-fields";
import { useChannelOptions } from "./channel-options";

const DEFAULTS = {
  timeZone: null,
  windowStartHour: 9,
  windowEndHour: 20,
  reminderCount: 1,
  reminderDelayHours: 72,
  subject: null,
};

export function CampaignForm({
  surveys,
  audiences,
  sending,
}: {
  surveys: Option[];
  audiences: Option[];
  sending: SendingContext;
}) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(createCampaignAction);
  const e = fieldErrors ?? {};
  const t = useTranslations("surveys.campaigns.form");
  const channels = useChannelOptions();
  if (surveys.length === 0 || audiences.length === 0)
    return (
      <p className="text-sm text-slate-700">
        {t.rich("needs", {
          needSurvey: surveys.length === 0 ? "yes" : "no",
          needAudience: audiences.length === 0 ? "yes" : "no",
          survey: (c) => (
            <Link href="/surveys" className="underline">
              {c}
            </Link>
          ),
          audience: (c) => (
            <Link href="/settings/audiences" className="underline">
              {c}
            </Link>
          ),
        })}
      </p>
    );
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={t("label")} noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <Input name="name" id="campaign-name" label={t("name")} maxLength={120} required error={e.name} />
        <Select
          name="channel"
          id="campaign-channel"
          label={t("sendBy")}
          options={channels.options}
          hint={channels.smsHint}
          error={e.channel}
        />
        <Select name="surveyId" id="campaign-survey" label={t("survey")} options={surveys} error={e.surveyId} />
        <Select
          name="audienceId"
          id="campaign-audience"
          label={t("audience")}
          options={audiences}
          error={e.audienceId}
        />
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">{t("when")}</legend>
        <Input
          name="startAt"
          id="campaign-start"
          type="datetime-local"
          label={t("firstWave")}
          hint={t("firstWaveHint")}
          error={e.startAt}
        />
        <Input
          name="repeatEveryDays"
          id="campaign-repeat"
          type="number"
          min={1}
          max={730}
          label={t("repeat")}
          hint={t("repeatHint")}
          error={e.repeatEveryDays}
        />
      </fieldset>
      <SendingFields
        idPrefix="campaign"
        errors={e}
        defaults={DEFAULTS}
        context={sending}
        subjectHint={t("subjectHint")}
      />
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{t("created")}</FormMessage> : null}
      <div>
        <SubmitButton pending={pending} pendingLabel={t("creating")}>
          {t("create")}
        </SubmitButton>
      </div>
    </form>
  );
}
