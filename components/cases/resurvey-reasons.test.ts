// The reasons a re-survey was not e-mailed, worded from their codes (lib/cases/resurvey-codes.ts) in the page's
// language: English word for word the API's sentence (lib/cases/resurvey.ts), German from cases.json; an outcome
// stored before the codes shows its sentence as stored.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { heldBackReason, RESURVEY_REASONS, UNLINKED_REASONS } from "@/lib/cases/resurvey";
import { HELD_BACK_RULES, LINK_CODES, UNAVAILABLE_CODES, UNLINKED_CODES } from "@/lib/cases/resurvey-codes";
import { messagesFor } from "@/lib/i18n/catalogues";
import { daysSinceContact, suppressionText } from "@/lib/campaigns/suppression-text";
import { reasonText } from "./resurvey-result";

describe("why a re-survey was not e-mailed: codes worded per language", () => {
  const en = createTranslator({ locale: "en", messages: messagesFor("en"), namespace: "cases.resurvey" });
  const de = createTranslator({ locale: "de", messages: messagesFor("de"), namespace: "cases.resurvey" });
  const now = new Date("2026-12-05T12:00:00Z");
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

  it("words every code in English exactly as the API's reason, so an English page reads as before", () => {
    for (const code of [...LINK_CODES, ...UNAVAILABLE_CODES.filter((c) => c !== "held_back")])
      expect(en(`reasons.${code}`), code).toBe(RESURVEY_REASONS[code]);
    for (const code of UNLINKED_CODES) expect(en(`unlinked.${code}`), code).toBe(UNLINKED_REASONS[code]);
    for (const rule of HELD_BACK_RULES)
      for (const last of [null, now, daysAgo(1), daysAgo(12)]) {
        const outcome = {
          status: "unavailable" as const,
          code: "held_back" as const,
          rule,
          days: daysSinceContact(last, now),
          reason: heldBackReason(suppressionText(rule, last, now)),
        };
        expect(reasonText(outcome, en), `${rule} ${last?.toISOString()}`).toBe(outcome.reason);
      }
  });

  it("words them in German; an outcome stored before the codes, or with a code unknown, shows its sentence", () => {
    const heldBack = {
      status: "unavailable" as const,
      code: "held_back" as const,
      rule: "recently_invited",
      days: 12,
      reason: "The organization's contact rules hold it back: invited 12 days ago.",
    };
    expect(reasonText(heldBack, de)).toBe(
      "Die Kontaktregeln der Organisation halten sie zurück: vor 12 Tagen eingeladen.",
    );
    expect(reasonText({ ...heldBack, rule: "some_new_rule" }, de)).toBe(
      "Die Kontaktregeln der Organisation halten sie zurück: some new rule.",
    );
    const link = { status: "link_shown" as const, link: "https://x/s/a", reason: "…" };
    expect(reasonText({ ...link, code: "no_smtp", unlinked: "no_external_id" }, de)).toBe(
      "Nicht per E-Mail gesendet: Auf diesem Server ist kein E-Mail-Versand eingerichtet (SMTP_URL). Der Kunde hat keine externe ID, daher wird die Antwort ihm nicht zugeordnet.",
    );
    const old = { status: "unavailable" as const, reason: "The customer no longer exists." };
    expect(reasonText(old, de)).toBe("The customer no longer exists.");
    expect(reasonText({ ...link, reason: "Not e-mailed: this case has no customer." }, de)).toBe(
      "Not e-mailed: this case has no customer.",
    );
    expect(reasonText({ ...old, code: "gone_fishing" as never }, de)).toBe("The customer no longer exists.");
  });
});
