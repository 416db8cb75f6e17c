// The note on the campaigns and triggers pages when something sends by SMS and the server has no SMS provider.
import { useTranslations } from "next-intl";

export function SmsSetupNote() {
  const t = useTranslations("surveys.campaigns");
  return (
    <p role="note" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {t.rich("noSms", { code: (c) => <code className="font-mono">{c}</code> })}
    </p>
  );
}
