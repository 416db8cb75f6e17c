// The channels a campaign or trigger sends by (lib/campaigns/address.ts), as the forms offer them; the words are
// in messages/<locale>/surveys.json (campaigns.channel, campaigns.form.smsHint).
import { useTranslations } from "next-intl";

export function useChannelOptions() {
  const t = useTranslations("surveys.campaigns.channel");
  const tForm = useTranslations("surveys.campaigns.form");
  return {
    options: [
      { value: "email", label: t("email") },
      { value: "sms", label: t("sms") },
    ],
    smsHint: tForm("smsHint"),
  };
}
