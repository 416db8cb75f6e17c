// The response-rate sections in both languages, rendered as the campaign page renders them (server markup): the
// rate with its Wilson interval in the language's separators — 12 of 40 delivered is 30.0 % [18.1–45.4], worked
// in lib/metrics/response-rate.ts's formula (centre (p + z²/2n)/(1 + z²/n), z = 1.96) — the base, the funnel's
// steps and shares, the reminders, the non-response summary, and the suppression log's reasons worded from their
// codes ("invited 12 days ago" counts whole days from the last contact).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withIntl } from "@/tests/components/intl";
import { nonResponseView, responseRate } from "@/lib/metrics";
import type { Funnel } from "@/lib/campaigns/service";
import type { SuppressionDto } from "@/lib/campaigns/suppression-log";
import { RateSections } from "./rate-sections";
import { SuppressionTable } from "./suppression-table";

const funnel: Funnel = {
  invited: 50,
  queued: 0,
  sent: 44,
  delivered: 40,
  confirmed: 0,
  bounced: 4,
  failed: 0,
  suppressed: 6,
  cancelled: 0,
  started: 12,
  completed: 10,
};
const rates = {
  funnel,
  responseRate: responseRate(12, 40),
  completionRate: responseRate(10, 40),
  reminders: [
    { message: 0, sent: 44, answered: 9, completed: 8 },
    { message: 1, sent: 35, answered: 3, completed: 2 },
  ],
  nonResponse: {
    ...nonResponseView({ respondents: 12, nonRespondents: 28 }, [
      { attribute: "tenure", category: "under 3 months", respondents: 5, nonRespondents: 10 },
      { attribute: "lastOutcome", category: "escalated", respondents: 2, nonRespondents: 9 },
    ]),
    omittedTags: 0,
  },
};
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/[ \t\n]+/g, " ");

describe("RateSections", () => {
  it("prints the English of before", () => {
    const out = text(renderToStaticMarkup(withIntl(<RateSections rates={rates} name="Q4" scope={2} />, "en")));
    expect(out).toContain("30.0\u00a0% [18.1–45.4] (12 of 40 delivered)");
    expect(out).toContain("Of the invitations delivered (wave 2), how many customers answered");
    expect(out).toContain("a score from the e-mail counts");
    expect(out).toContain("40 · 91\u00a0% of sent · 4 bounced");
    expect(out).toContain("Reminder 1");
    expect(out).toContain("under 3 months");
    expect(out).toContain("Escalated");
    expect(out).toContain("75\u00a0% of answers");
    expect(out).toContain("12 respondents and 28 non-respondents among the delivered invitations.");
    expect(out).toContain(
      "Too few to test: the check needs at least 30 of each (n\u00a0=\u00a012 and n\u00a0=\u00a028).",
    );
  });

  it("speaks German with German separators", () => {
    const html = renderToStaticMarkup(
      withIntl(<RateSections rates={rates} name="Q4" scope="invitations" channel="sms" />, "de"),
    );
    const out = text(html);
    expect(out).toContain("30,0\u00a0% [18,1–45,4] (12 von 40 zugestellten)");
    expect(out).toContain("Antwortquote");
    expect(out).toContain("Zustellung der Einladungen (alle Einladungen)");
    expect(out).toContain("Empfangsbestätigung des Netzbetreibers");
    expect(out).toContain("91\u00a0% der gesendeten · 4 unzustellbar");
    expect(out).toContain("6 nicht gesendet");
    expect(out).toContain("Erinnerung 1");
    expect(out).toContain("12 Antwortende und 28 Nicht-Antwortende unter den zugestellten Einladungen.");
    expect(out).toContain("unter 3 Monaten");
    expect(out).toContain("Eskaliert");
    expect(html).not.toMatch(/⟦|surveys\.rates/);
  });
});

describe("SuppressionTable", () => {
  const row = (reason: string, lastContactAt: Date | null): SuppressionDto => ({
    id: reason,
    at: new Date("2026-12-05T10:00:00Z"),
    customer: { id: "c1", name: "Ada", externalId: null },
    source: "campaign",
    campaign: null,
    invitationId: null,
    caseId: null,
    surveyId: null,
    channel: "email",
    stage: "queue",
    reason,
    lastContactAt,
    text: "English from the API",
  });
  const rows = [
    row("recently_invited", new Date("2026-11-23T09:00:00Z")), // 12 days and 1 hour before
    row("recently_invited", new Date("2026-12-05T08:00:00Z")),
    row("opted_out", null),
    row("some_new_reason", null),
  ];

  it("words the reasons from their codes in either language", () => {
    const en = text(renderToStaticMarkup(withIntl(<SuppressionTable rows={rows} show="customer" />, "en")));
    expect(en).toContain("invited 12 days ago");
    expect(en).toContain("invited earlier today");
    expect(en).toContain("when the wave was queued");
    const de = text(renderToStaticMarkup(withIntl(<SuppressionTable rows={rows} show="customer" />, "de")));
    expect(de).toContain("vor 12 Tagen eingeladen");
    expect(de).toContain("heute bereits eingeladen");
    expect(de).toContain("abgemeldet");
    expect(de).toContain("beim Einplanen der Welle");
    expect(de).toContain("English from the API"); // an unknown code: the API's sentence
  });
});
