// "Where you are signed in": each live session of the user with its browser, method and times; sign out
// one of them, or every one (this browser too).
import { useTranslations } from "next-intl";
import { endSessionAction, signOutEverywhereAction } from "@/app/_actions/account";
import { ActionForm } from "../ui/action-form";
import { Badge } from "../ui/badge";
import { useFormats } from "../i18n/use-formats";

type Session = {
  id: string;
  method: string;
  mfa: boolean;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

type SessionsT = ReturnType<typeof useTranslations<"account.sessions">>;

/** "Chrome on Linux" from a user agent, enough to recognise one's own browsers. */
function browserLabel(ua: string | null, t: SessionsT): string {
  if (!ua) return t("unknownBrowser");
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : /curl|node|undici/i.test(ua)
            ? t("script")
            : t("browser");
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : null;
  return os ? t("browserOn", { browser, os }) : browser;
}

export function SessionsSection({ sessions }: { sessions: Session[] }) {
  const t = useTranslations("account.sessions");
  const f = useFormats();
  return (
    <div className="flex flex-col gap-4">
      <ul
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm"
        aria-label={t("list")}
      >
        {sessions.map((s) => (
          <li
            key={s.id}
            className="flex flex-col gap-2 px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                {browserLabel(s.userAgent, t)} {s.current ? <Badge tone="brand">{t("thisBrowser")}</Badge> : null}
              </p>
              <p className="text-slate-600">
                {t("signedIn", {
                  createdAt: f.dateTime(s.createdAt),
                  method: s.method,
                  mfa: s.mfa ? "yes" : "no",
                  lastSeenAt: f.dateTime(s.lastSeenAt),
                })}
              </p>
            </div>
            <ActionForm
              action={endSessionAction.bind(null, s.id)}
              submitLabel={t.rich("signOutWhich", {
                which: s.current ? t("thisBrowser") : browserLabel(s.userAgent, t),
                hidden: (chunks) => <span className="sr-only">{chunks}</span>,
              })}
              pendingLabel={t("signingOut")}
              confirm={s.current ? t("confirmThis") : undefined}
              align="end"
            />
          </li>
        ))}
      </ul>
      <ActionForm
        action={signOutEverywhereAction}
        submitLabel={t("everywhere")}
        pendingLabel={t("signingOut")}
        variant="danger"
        confirm={t("confirmEverywhere")}
        aria-label={t("everywhere")}
      >
        <input type="hidden" name="scope" value="everywhere" />
      </ActionForm>
    </div>
  );
}
