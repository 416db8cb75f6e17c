// "Where you are signed in": each live session of the user with its browser, method and times; sign out
// one of them, or every one (this browser too).
import { endSessionAction, signOutEverywhereAction } from "@/app/_actions/account";
import { ActionForm } from "../ui/action-form";
import { Badge } from "../ui/badge";
import { formatDateTime } from "../ui/format";

type Session = {
  id: string;
  method: string;
  mfa: boolean;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

const METHOD: Record<string, string> = {
  password: "password",
  sso: "single sign-on",
  setup: "first-run setup",
  reset: "password reset link",
};

/** "Chrome on Linux" from a user agent, enough to recognise one's own browsers. */
export function browserLabel(ua: string | null): string {
  if (!ua) return "Unknown browser";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : /curl|node|undici/i.test(ua)
            ? "Script"
            : "Browser";
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
  return os ? `${browser} on ${os}` : browser;
}

export function SessionsSection({ sessions }: { sessions: Session[] }) {
  return (
    <div className="flex flex-col gap-4">
      <ul
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm"
        aria-label="Signed-in browsers"
      >
        {sessions.map((s) => (
          <li
            key={s.id}
            className="flex flex-col gap-2 px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                {browserLabel(s.userAgent)} {s.current ? <Badge tone="brand">this browser</Badge> : null}
              </p>
              <p className="text-slate-600">
                Signed in {formatDateTime(s.createdAt)} with {METHOD[s.method] ?? s.method}
                {s.mfa ? " and a second factor" : ""} · last active {formatDateTime(s.lastSeenAt)}
              </p>
            </div>
            <ActionForm
              action={endSessionAction.bind(null, s.id)}
              submitLabel={
                <>
                  Sign out<span className="sr-only"> {s.current ? "this browser" : browserLabel(s.userAgent)}</span>
                </>
              }
              pendingLabel="Signing out…"
              confirm={s.current ? "Sign out of this browser?" : undefined}
              align="end"
            />
          </li>
        ))}
      </ul>
      <ActionForm
        action={signOutEverywhereAction}
        submitLabel="Sign out everywhere"
        pendingLabel="Signing out…"
        variant="danger"
        confirm="Sign out of every browser, this one included?"
        aria-label="Sign out everywhere"
      >
        <input type="hidden" name="scope" value="everywhere" />
      </ActionForm>
    </div>
  );
}
