// The channels a campaign or trigger sends by (lib/campaigns/address.ts), as the forms offer them; the words are
// in messages/<locale>/surveys.json (campaigns.channel, campaigns.form.smsHint).
import { useTranslations } from "next-intl";

export function useChannelOptions() {
  const t = useTranslations("surveys.campaigns");
  return {
    options: [
      { value: "email", label: t("channel.email") },
      { value: "sms", label: t("channel.sms") },
    ],
    smsHint: t("form.smsHint"),
  };
}
