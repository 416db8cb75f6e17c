// Resonance embed: <script src="https://<resonance>/embed.js" data-survey="<publicId>" async></script>
// Options (data-*): trigger=load|delay|manual, delay (s), customer + customer-token (the token your server signs:
// docs/security/signed-customer-token.md; without it the id is only an unverified claim), touchpoint, channel,
// lang, throttle-days (30), sample (% of visitors, 100), theme-color, position=bottom-right|bottom-left|center.
// JS API: window.Resonance.open(force?) / .close() / .identify(externalId, customerToken).
// Built by scripts/build-embed.mjs into public/embed.js; no dependencies, no cookies.
import { apiBase, fieldErrors, intAttr, mustRestart, parseSeen, sampled, throttled } from "./core";
import { mountWidget } from "./widget";
import type { PublicSurvey } from "../lib/surveys/public-service";

const FAILED = "Your answers could not be sent. Please try again.";

type Api = {
  open(force?: boolean): Promise<void>;
  close(): void;
  identify(externalId: string, customerToken?: string): void;
};

(() => {
  const w = window as unknown as { Resonance?: Api };
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script || w.Resonance) return;
  const data = (k: string) => script.getAttribute(`data-${k}`);
  const publicId = data("survey");
  if (!publicId) return;
  const base = apiBase(script.src, location.href);
  const url = `${base}/api/v1/public/surveys/${encodeURIComponent(publicId)}`;
  const throttleDays = intAttr(data("throttle-days"), 30, 0, 3650);
  const color = data("theme-color") ?? "";
  const opts = {
    position: data("position") ?? "bottom-right",
    color: color && CSS.supports("color", color) ? color : "#2457c5",
  };
  let customer = data("customer");
  let customerToken = data("customer-token");
  const keys = {
    seen: `resonance:${publicId}:seen`,
    cid: `resonance:${publicId}:cid`,
    resume: `resonance:${publicId}:resume`,
    sample: `resonance:${publicId}:sample`,
  };

  const store = {
    get: (k: string) => {
      try {
        return localStorage.getItem(k);
      } catch {
        return null; // storage blocked: behave as a first visit
      }
    },
    set: (k: string, v: string | null) => {
      try {
        if (v === null) localStorage.removeItem(k);
        else localStorage.setItem(k, v);
      } catch {
        /* storage blocked */
      }
    },
  };

  let widget: { close(): void } | null = null;
  let opening = false;

  function clientId(): string {
    let id = store.get(keys.cid);
    if (!id) {
      id = crypto.randomUUID
        ? crypto.randomUUID()
        : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
      store.set(keys.cid, id);
    }
    return id;
  }

  function context(survey: PublicSurvey) {
    const out: Record<string, string> = { locale: survey.locale };
    if (customer) out.customerExternalId = customer;
    if (customer && customerToken) out.customerToken = customerToken;
    const tp = data("touchpoint");
    const ch = data("channel");
    if (tp) out.touchpointId = tp;
    if (ch) out.channel = ch;
    if (/^https?:/.test(location.protocol)) out.pageUrl = location.href.slice(0, 2000);
    return out;
  }

  // Requests run one after another, so a late partial save can never overtake the final submit, and each
  // is built when its turn comes: with the resume token the previous one's 201 returned (kept beside the
  // clientId; the server lets only its holder continue the response). A clientId without a usable token
  // (saved by an older widget, or its 201 was lost) is answered with a "resume token required" 409: the
  // widget then starts a new response with the same answers.
  let chain: Promise<unknown> = Promise.resolve();
  function post(
    answers: Record<string, unknown>,
    complete: boolean,
    survey: PublicSurvey,
  ): Promise<{ status: number; json: unknown }> {
    const send = async () => {
      const token = store.get(keys.resume);
      const body = {
        clientId: clientId(),
        ...(token ? { resumeToken: token } : {}),
        answers,
        complete,
        ...context(survey),
      };
      const res = await fetch(`${url}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = (await res.json().catch(() => null)) as { resumeToken?: unknown } | null;
      if (res.status === 201 && typeof json?.resumeToken === "string") store.set(keys.resume, json.resumeToken);
      return { status: res.status, json };
    };
    const next = chain.then(async () => {
      const first = await send();
      if (!mustRestart(first.status, first.json)) return first;
      store.set(keys.cid, null);
      store.set(keys.resume, null);
      return send();
    });
    chain = next.catch(() => undefined);
    return next;
  }

  async function open(force = false): Promise<void> {
    if (widget || opening) return;
    if (!force) {
      if (throttled(parseSeen(store.get(keys.seen)), throttleDays, Date.now())) return;
      const s = sampled(store.get(keys.sample), intAttr(data("sample"), 100, 0, 100), Math.random());
      if (s.store) store.set(keys.sample, s.store);
      if (!s.show) return;
    }
    opening = true;
    let survey: PublicSurvey;
    try {
      const q = new URLSearchParams();
      const lang = data("lang");
      if (lang) q.set("lang", lang);
      if (customer) q.set("customer", customer);
      if (customer && customerToken) q.set("customerToken", customerToken);
      const qs = q.toString();
      const res = await fetch(qs ? `${url}?${qs}` : url);
      if (!res.ok) return;
      const json = (await res.json()) as PublicSurvey & { eligible?: boolean };
      if (json.eligible === false) return; // the verified customer opted out of surveys: show nothing
      survey = json;
    } catch {
      return;
    } finally {
      opening = false;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    widget = mountWidget(survey, opts, {
      onScore(key, value) {
        clearTimeout(timer);
        // Saved as a partial response once the respondent stops moving through the scale.
        timer = setTimeout(() => void post({ [key]: value }, false, survey).catch(() => {}), 700);
      },
      async onSubmit(answers) {
        clearTimeout(timer);
        try {
          const res = await post(answers, true, survey);
          if (res.status < 300 || res.status === 409) {
            // 409: completed earlier (another tab). Either way this visitor is done with the survey.
            store.set(keys.seen, JSON.stringify({ at: Date.now(), done: true }));
            store.set(keys.cid, null);
            store.set(keys.resume, null);
            return null;
          }
          const errors = fieldErrors(res.json);
          const detail = (res.json as { detail?: unknown } | null)?.detail;
          if (!errors.has(""))
            errors.set(
              "",
              res.status === 429
                ? "Too many attempts. Please wait a minute and try again."
                : typeof detail === "string"
                  ? detail
                  : FAILED,
            );
          return errors;
        } catch {
          return new Map([["", FAILED]]);
        }
      },
      onClose(completed) {
        clearTimeout(timer);
        widget = null;
        if (!completed) store.set(keys.seen, JSON.stringify({ at: Date.now(), done: false })); // dismissed
      },
    });
  }

  w.Resonance = {
    open,
    close: () => widget?.close(),
    identify: (externalId: string, token?: string) => {
      customer = String(externalId).slice(0, 200) || null;
      customerToken = token ? String(token).slice(0, 100) : null;
    },
  };

  const trigger = data("trigger") ?? "load";
  const start = () => {
    if (trigger === "delay") setTimeout(() => void open(), intAttr(data("delay"), 5, 0, 3600) * 1000);
    else if (trigger !== "manual") void open();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
