// The survey dialog: rendered once into a shadow root, questions shown and hidden by the skip logic as
// answers change (so focus is never lost to a re-render). Accessible: role=dialog + aria-modal, labelled
// by its title; focus moves in, is trapped, and returns on close; Escape closes; scores are a radiogroup
// with roving tabindex and arrow keys; API field errors sit next to their question (aria-describedby).
import type { PublicQuestion, PublicSurvey } from "../lib/surveys/public-service";
import { answersToSend, visibleKeys, type AnswerValue } from "./core";
import { CSS } from "./styles";

export type WidgetEvents = {
  /** The score was chosen or changed (the caller saves it as a partial response). */
  onScore(key: string, value: number): void;
  /** Submit: resolves to the API's field errors by key ("" = general message), or null when stored. */
  onSubmit(answers: Record<string, AnswerValue>): Promise<Map<string, string> | null>;
  onClose(completed: boolean): void;
};

type Opts = { position: string; color: string };

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

const FOCUSABLE = "button:not([disabled]),input:not([disabled]),textarea";

export function mountWidget(survey: PublicSurvey, opts: Opts, ev: WidgetEvents): { close(): void } {
  const returnTo = document.activeElement as HTMLElement | null;
  const host = el("div", { "data-resonance": survey.publicId });
  const root = host.attachShadow({ mode: "open" });
  const style = el("style", {}, CSS);
  const wrap = el("div", {
    class: `w ${opts.position === "center" ? "c" : opts.position === "bottom-left" ? "bl" : "br"}`,
  });
  wrap.style.setProperty("--rsn-c", opts.color);
  const backdrop = el("div", { class: "bd" });
  const dialog = el("div", { class: "d", role: "dialog", "aria-modal": "true", "aria-labelledby": "rsn-t" });
  const title = el("h2", { id: "rsn-t", tabindex: "-1" }, survey.strings.title);
  const form = el("form", { novalidate: "" });
  const alert = el("p", { class: "al", role: "alert" });
  const submit = el("button", { type: "submit", class: "sub" }, survey.strings.submit);
  const closeBtn = el("button", { type: "button", class: "x", "aria-label": "Close" }, "×");
  dialog.append(title, el("p", { class: "in" }, survey.strings.intro), form, closeBtn);
  wrap.append(backdrop, dialog);
  root.append(style, wrap);

  const values = new Map<string, AnswerValue>();
  const blocks = new Map<
    string,
    { box: HTMLElement; err: HTMLElement; first: () => HTMLElement | null; controls: HTMLElement[] }
  >();
  let done = false;

  const refresh = () => {
    const shown = visibleKeys(survey.questions, values);
    for (const [key, b] of blocks) b.box.hidden = !shown.has(key);
    return shown;
  };
  const setValue = (key: string, v: AnswerValue | undefined) => {
    if (v === undefined || (Array.isArray(v) && v.length === 0) || v === "") values.delete(key);
    else values.set(key, v);
    const b = blocks.get(key);
    if (b && b.err.textContent) showError(key, "");
    refresh();
  };
  const showError = (key: string, msg: string) => {
    const b = blocks.get(key)!;
    b.err.textContent = msg;
    for (const c of b.controls) c.setAttribute("aria-invalid", msg ? "true" : "false");
  };

  survey.questions.forEach((q, i) => form.append(question(q, i)));
  form.append(alert, submit);
  refresh();

  function question(q: PublicQuestion, i: number): HTMLElement {
    const id = `q${i}`;
    const errId = `${id}e`;
    const err = el("p", { class: "fe", id: errId });
    const req = q.required ? el("span", { class: "rq" }, survey.strings.required) : null;
    const controls: HTMLElement[] = [];
    let box: HTMLElement;
    if (q.type === "text") {
      box = el("div", { class: "q" });
      const label = el("label", { class: "qt", for: id }, q.text);
      if (req) label.append(req);
      const ta = el("textarea", { id, maxlength: "5000", "aria-describedby": errId });
      ta.addEventListener("input", () => setValue(q.key, ta.value.trim() ? ta.value : undefined));
      controls.push(ta);
      box.append(label, ta);
    } else if (q.type === "score" && q.scale) {
      box = el("div", { class: "q" });
      const label = el("span", { class: "qt", id: `${id}l` }, q.text);
      if (req) label.append(req);
      const { min, max, minLabel, maxLabel } = q.scale;
      const n = max - min + 1;
      const group = el("div", {
        class: n > 7 ? "sc wide" : "sc",
        role: "radiogroup",
        "aria-labelledby": `${id}l`,
        "aria-describedby": errId,
      });
      group.style.setProperty("--n", String(n));
      const buttons: HTMLButtonElement[] = [];
      const pick = (idx: number, focus: boolean) => {
        buttons.forEach((b, j) => {
          b.setAttribute("aria-checked", String(j === idx));
          b.tabIndex = j === idx ? 0 : -1;
        });
        if (focus) buttons[idx].focus();
        setValue(q.key, min + idx);
        ev.onScore(q.key, min + idx);
      };
      for (let v = min; v <= max; v++) {
        const name =
          v === min && minLabel ? `${v} – ${minLabel}` : v === max && maxLabel ? `${v} – ${maxLabel}` : String(v);
        const b = el(
          "button",
          {
            type: "button",
            role: "radio",
            "aria-checked": "false",
            "aria-label": name,
            tabindex: v === min ? "0" : "-1",
          },
          String(v),
        );
        const idx = v - min;
        b.addEventListener("click", () => pick(idx, false));
        b.addEventListener("keydown", (e) => {
          const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
          const to = step
            ? (idx + step + n) % n
            : e.key === "Home"
              ? 0
              : e.key === "End"
                ? n - 1
                : e.key === " "
                  ? idx
                  : -1;
          if (to < 0) return;
          e.preventDefault();
          pick(to, true);
        });
        buttons.push(b);
      }
      group.append(...buttons);
      controls.push(group);
      box.append(label, group);
      if (minLabel || maxLabel) {
        const ends = el("div", { class: "ends", "aria-hidden": "true" });
        ends.append(el("span", {}, minLabel ?? ""), el("span", {}, maxLabel ?? ""));
        box.append(ends);
      }
    } else {
      // single_choice, yes_no (radios) and multi_choice (checkboxes): native inputs in a fieldset.
      box = el("fieldset", { class: "q", "aria-describedby": errId });
      const legend = el("legend", { class: "qt" }, q.text);
      if (req) legend.append(req);
      box.append(legend);
      const multi = q.type === "multi_choice";
      const opts =
        q.type === "yes_no"
          ? [
              { key: "yes", label: survey.strings.yes },
              { key: "no", label: survey.strings.no },
            ]
          : (q.options ?? []);
      const inputs: HTMLInputElement[] = [];
      const update = () => {
        const on = inputs.filter((x) => x.checked).map((x) => x.value);
        setValue(q.key, multi ? on : q.type === "yes_no" ? (on[0] ? on[0] === "yes" : undefined) : on[0]);
      };
      opts.forEach((o, j) => {
        const input = el("input", { type: multi ? "checkbox" : "radio", name: id, id: `${id}o${j}`, value: o.key });
        input.addEventListener("change", update);
        inputs.push(input);
        const label = el("label", { class: "o", for: `${id}o${j}` });
        label.append(input, el("span", {}, o.label));
        box.append(label);
      });
      controls.push(...inputs);
    }
    box.append(err);
    blocks.set(q.key, {
      box,
      err,
      controls,
      first: () => box.querySelector("[tabindex='0'],input,textarea") as HTMLElement | null,
    });
    return box;
  }

  const focusables = () =>
    [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (e) => e.tabIndex >= 0 && e.getClientRects().length > 0,
    );
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      close();
    } else if (e.key === "Tab") {
      const list = focusables();
      if (!list.length) return;
      const active = root.activeElement as HTMLElement | null;
      const at = active ? list.indexOf(active) : -1;
      if (e.shiftKey && at <= 0) {
        e.preventDefault();
        list[list.length - 1].focus();
      } else if (!e.shiftKey && (at === -1 || at === list.length - 1)) {
        e.preventDefault();
        list[0].focus();
      }
    }
  };
  // Focus that escapes (a click on the page behind, a screen reader's virtual cursor) is brought back.
  const onFocusIn = (e: FocusEvent) => {
    if (e.target !== host) (focusables()[0] ?? title).focus();
  };
  wrap.addEventListener("keydown", onKey);
  document.addEventListener("focusin", onFocusIn);
  backdrop.addEventListener("click", () => close());
  closeBtn.addEventListener("click", () => close());

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (submit.disabled) return;
    const shown = refresh();
    const answers = answersToSend(blocks.keys(), shown, values);
    submit.disabled = true;
    submit.textContent = survey.strings.sending;
    alert.textContent = "";
    for (const k of blocks.keys()) showError(k, "");
    const errors = await ev.onSubmit(answers);
    submit.disabled = false;
    submit.textContent = survey.strings.submit;
    if (!errors) return thanks();
    let firstBad: HTMLElement | null = null;
    for (const [k, msg] of errors) {
      if (k && blocks.has(k)) {
        showError(k, msg);
        firstBad ??= blocks.get(k)!.first();
      }
    }
    alert.textContent = errors.get("") ?? "";
    (firstBad ?? submit).focus();
  });

  function thanks() {
    done = true;
    form.remove();
    dialog.querySelector(".in")?.remove();
    title.textContent = survey.strings.thanksTitle;
    const body = el("div", { class: "th" });
    const ok = el("button", { type: "button", class: "sub" }, "OK");
    ok.addEventListener("click", () => close());
    body.append(el("p", {}, survey.strings.thanksBody), ok);
    title.after(body);
    title.focus();
  }

  function close() {
    if (!host.isConnected) return;
    document.removeEventListener("focusin", onFocusIn);
    host.remove();
    if (returnTo && returnTo.isConnected && returnTo !== document.body) returnTo.focus();
    ev.onClose(done);
  }

  document.body.append(host);
  (focusables()[0] ?? title).focus();
  return { close };
}
