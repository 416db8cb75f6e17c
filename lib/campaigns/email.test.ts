import { describe, expect, it } from "vitest";
import { invitationEmail } from "./email";

process.env.NEXTAUTH_SECRET ??= "unit-test-secret-for-invitation-links";

const base = {
  baseUrl: "https://cx.example.com",
  invitationId: "inv1",
  orgName: "Acme <Support>",
  customerName: 'Zoë "Z" O\'Brien',
  subject: null,
  question: { text: "How likely are you to recommend <Acme>?", min: 0, max: 10 },
  reminder: false,
  locale: "en",
};

describe("the invitation e-mail", () => {
  it("carries one link per score, the survey link and the unsubscribe link, with the RFC 8058 headers", () => {
    const m = invitationEmail(base);
    expect(m.subject).toBe("Acme <Support> would like your opinion");
    const scoreLinks = [...m.html.matchAll(/href="(https:\/\/cx\.example\.com\/i\/inv1\.[^"?]+\?score=(\d+))"/g)];
    expect(scoreLinks.map((x) => Number(x[2]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(m.headers["List-Unsubscribe"]).toMatch(/^<https:\/\/cx\.example\.com\/u\/inv1\.[A-Za-z0-9_-]{22}>$/);
    expect(m.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(m.text).toContain(m.headers["List-Unsubscribe"].slice(1, -1));
  });

  it("escapes every name in the HTML part", () => {
    const m = invitationEmail(base);
    expect(m.html).not.toContain("<Support>");
    expect(m.html).not.toContain("<Acme>");
    expect(m.html).toContain("Acme &lt;Support&gt;");
    expect(m.html).toContain("Zoë &quot;Z&quot; O&#39;Brien");
  });

  it("a reminder says so; a survey without a score question has only the survey link", () => {
    const m = invitationEmail({ ...base, reminder: true, subject: "Your view", question: null });
    expect(m.subject).toBe("Reminder: Your view");
    expect(m.html).not.toContain("?score=");
    expect(m.text).toContain("Answer the survey: https://cx.example.com/i/inv1.");
  });
});
