import { describe, expect, it } from "vitest";
import { RESUME_TOKEN_REQUIRED as SERVER_RESUME_TOKEN_REQUIRED } from "../lib/surveys/errors";
import {
  answersToSend,
  apiBase,
  fieldErrors,
  intAttr,
  mustRestart,
  parseSeen,
  RESUME_TOKEN_REQUIRED,
  sampled,
  throttled,
  visibleKeys,
} from "./core";

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 23, 12);

describe("apiBase", () => {
  it("is the origin (and path prefix) the script was loaded from", () => {
    expect(apiBase("https://cx.example.com/embed.js")).toBe("https://cx.example.com");
    expect(apiBase("https://cx.example.com:8443/embed.js?v=3#x")).toBe("https://cx.example.com:8443");
    expect(apiBase("https://cx.example.com/embed/0123456789abcdef.js")).toBe("https://cx.example.com"); // the versioned URL
    expect(apiBase("https://x.com/cx/embed/0123456789abcdef.js")).toBe("https://x.com/cx");
    expect(apiBase("https://example.com/resonance/embed.js")).toBe("https://example.com/resonance");
    expect(apiBase("//cx.example.com/embed.js", "https://shop.example/page")).toBe("https://cx.example.com");
    expect(apiBase("/embed.js", "http://127.0.0.1:3000/products/1")).toBe("http://127.0.0.1:3000");
  });
});

describe("throttling", () => {
  it("shows to a first-time visitor and never throttles with 0 days", () => {
    expect(throttled(null, 30, now)).toBe(false);
    expect(throttled({ at: now - DAY, done: true }, 0, now)).toBe(false);
  });
  it("hides within throttle-days after answering or dismissing, and shows again after", () => {
    for (const done of [true, false]) {
      expect(throttled({ at: now - 29 * DAY, done }, 30, now)).toBe(true);
      expect(throttled({ at: now - 30 * DAY, done }, 30, now)).toBe(false);
    }
  });
  it("is not stuck forever by a timestamp from the future", () => {
    expect(throttled({ at: now + 365 * DAY, done: true }, 30, now)).toBe(false);
  });
  it("reads what it stored and ignores garbage", () => {
    expect(parseSeen(JSON.stringify({ at: now, done: true }))).toEqual({ at: now, done: true });
    expect(parseSeen(JSON.stringify({ at: now }))).toEqual({ at: now, done: false });
    for (const bad of [null, "", "{", "[]", '{"at":"x"}', "42"]) expect(parseSeen(bad)).toBeNull();
  });
});

describe("sampling", () => {
  it("decides once per visitor and keeps the decision", () => {
    expect(sampled(null, 20, 0.1)).toEqual({ show: true, store: "1" });
    expect(sampled(null, 20, 0.2)).toEqual({ show: false, store: "0" });
    expect(sampled("1", 20, 0.99)).toEqual({ show: true, store: null });
    expect(sampled("0", 20, 0.0)).toEqual({ show: false, store: null });
  });
  it("always shows at 100 % and never at 0 %", () => {
    expect(sampled("0", 100, 0.99)).toEqual({ show: true, store: null });
    expect(sampled(null, 0, 0)).toEqual({ show: false, store: "0" });
  });
  it("shows to about the given share of visitors", () => {
    let shown = 0;
    for (let i = 0; i < 1000; i++) if (sampled(null, 25, i / 1000).show) shown++;
    expect(shown).toBe(250);
  });
});

describe("attributes", () => {
  it("clamps numbers and falls back on garbage", () => {
    expect(intAttr(null, 30, 0, 3650)).toBe(30);
    expect(intAttr("", 30, 0, 3650)).toBe(30);
    expect(intAttr("abc", 30, 0, 3650)).toBe(30);
    expect(intAttr("7", 30, 0, 3650)).toBe(7);
    expect(intAttr("150", 100, 0, 100)).toBe(100);
    expect(intAttr("-5", 100, 0, 100)).toBe(0);
  });
});

describe("skip logic and what is sent", () => {
  const questions = [
    { key: "nps" },
    { key: "why_low", showIf: { question: "nps", lte: 6 } },
    { key: "why_high", showIf: { question: "nps", gte: 9 } },
    { key: "more", showIf: { question: "why_low", in: ["x"] } },
  ];
  it("sends only visible answers, so a changed score drops the follow-up it hides", () => {
    const values = new Map<string, number | string>([
      ["nps", 3],
      ["why_low", "x"],
      ["why_high", "great"],
    ]);
    let shown = visibleKeys(questions, values);
    expect([...shown]).toEqual(["nps", "why_low", "more"]);
    expect(
      answersToSend(
        questions.map((q) => q.key),
        shown,
        values,
      ),
    ).toEqual({ nps: 3, why_low: "x" });
    values.set("nps", 10);
    shown = visibleKeys(questions, values);
    expect([...shown]).toEqual(["nps", "why_high"]);
    expect(
      answersToSend(
        questions.map((q) => q.key),
        shown,
        values,
      ),
    ).toEqual({ nps: 10, why_high: "great" });
  });
});

describe("fieldErrors", () => {
  it("maps the API's invalid_params to question keys", () => {
    const problem = {
      status: 400,
      invalid_params: [
        { name: "answers.why_low", reason: "Please answer this question." },
        { name: "clientId", reason: "Too short" },
        { name: "answers.why_low", reason: "second" },
      ],
    };
    expect([...fieldErrors(problem)]).toEqual([
      ["why_low", "Please answer this question."],
      ["", "Too short"],
    ]);
    expect(fieldErrors(null).size).toBe(0);
    expect(fieldErrors({ invalid_params: "x" }).size).toBe(0);
  });
});

describe("mustRestart", () => {
  it("recognises only the server's 'resume token required' problem, by its type", () => {
    expect(RESUME_TOKEN_REQUIRED).toBe(SERVER_RESUME_TOKEN_REQUIRED);
    expect(mustRestart(409, { type: RESUME_TOKEN_REQUIRED, title: "Conflict" })).toBe(true);
    expect(mustRestart(409, { type: "about:blank", title: "Conflict" })).toBe(false); // completed elsewhere: done, not restarted
    expect(mustRestart(400, { type: RESUME_TOKEN_REQUIRED })).toBe(false);
    expect(mustRestart(409, null)).toBe(false);
  });
});
