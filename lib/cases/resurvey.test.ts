import { describe, expect, it } from "vitest";
import { DEFAULT_ROOT_CAUSES, rootCausesFrom } from "./root-causes";
import { resurveyEmail, resurveyInvitationEmail } from "./resurvey-email";
import { invitationLinks } from "../campaigns/email";
import { resurveyLink } from "./resurvey";

describe("root-cause list", () => {
  it("defaults when missing or invalid, and keeps a valid list as given (trimmed)", () => {
    expect(rootCausesFrom(null)).toEqual([...DEFAULT_ROOT_CAUSES]);
    expect(rootCausesFrom({ rootCauses: [] })).toEqual([...DEFAULT_ROOT_CAUSES]);
    expect(rootCausesFrom({ rootCauses: ["Late", "late"] })).toEqual([...DEFAULT_ROOT_CAUSES]);
    expect(rootCausesFrom({ rootCauses: [" Late ", "Rude"] })).toEqual(["Late", "Rude"]);
  });
});

describe("re-survey", () => {
  it("links the hosted survey with the customer's external id and token, encoded", () => {
    expect(
      resurveyLink("https://cx.example.com", "abc123", { externalId: "CUST 7&x", token: "1767225600.abc-_" }),
    ).toBe("https://cx.example.com/s/abc123?cid=CUST+7%26x&ct=1767225600.abc-_");
    expect(resurveyLink("https://cx.example.com/", "abc123", null)).toBe("https://cx.example.com/s/abc123");
  });

  it("writes the e-mail in the survey's language, English otherwise, with names escaped in the HTML", () => {
    const de = resurveyEmail("de", { orgName: "Acme", customerName: "Erika", link: "https://x/s/a?cid=1" });
    expect(de.subject).toBe("Acme: Wie haben wir es gemacht?");
    expect(de.text).toContain("https://x/s/a?cid=1");
    const other = resurveyEmail("ja", { orgName: "A<b>", customerName: null, link: "https://x/s/a?cid=1&y=2" });
    expect(other.subject).toBe("A<b>: how did we do?");
    expect(other.html).toContain("A&lt;b&gt;");
    expect(other.html).toContain('href="https://x/s/a?cid=1&amp;y=2"');
    expect(other.text.startsWith("Hello,")).toBe(true);
  });

  it("as an invitation: the signed link, an unsubscribe link and the one-click headers, a reminder marked", () => {
    process.env.NEXTAUTH_SECRET ??= "unit-test-secret-0123456789abcdef";
    const input = {
      baseUrl: "https://cx.example.com",
      invitationId: "inv123",
      orgName: "Acme",
      customerName: "Erika",
      subject: null,
      question: null,
      reminder: false,
      locale: "de",
    };
    const links = invitationLinks(input.baseUrl, input.invitationId);
    const m = resurveyInvitationEmail(input);
    expect(m.subject).toBe("Acme: Wie haben wir es gemacht?");
    expect(m.text).toContain(`Zur kurzen Umfrage: ${links.survey}`);
    expect(m.text).toContain(`Von Umfragen abmelden: ${links.unsubscribe}`);
    expect(m.headers).toEqual({
      "List-Unsubscribe": `<${links.unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(resurveyInvitationEmail({ ...input, reminder: true, locale: "en" }).subject).toBe(
      "Reminder: Acme: how did we do?",
    );
  });
});
