import { describe, expect, it } from "vitest";
import { smsInvitation } from "./message";
import { toE164 } from "./phone";
import { smsProviderFromEnv } from "./provider";
import { countSegments } from "./segments";
import { classifyTwilio } from "./twilio";

process.env.NEXTAUTH_SECRET ??= "unit-test-secret-for-invitation-links";

describe("E.164 numbers", () => {
  it.each([
    ["+41 79 123 45 67", "+41791234567"],
    ["0041 (79) 123-45-67", "+41791234567"],
    ["+1 (415) 555.0100", "+14155550100"],
    ["+447700900123", "+447700900123"],
  ])("%s → %s", (raw, e164) => expect(toE164(raw)).toBe(e164));

  it.each([
    null,
    "",
    "079 123 45 67",
    "+0 123 456 789",
    "+1234567",
    "+1234567890123456",
    "+41 79 CALL ME",
    "tel:+41791234567",
  ])("%s has no E.164 form", (raw) => expect(toE164(raw)).toBeNull());
});

describe("segments", () => {
  it("GSM-7: 160 septets in one segment, 153 per segment after", () => {
    expect(countSegments("Hello")).toEqual({ encoding: "GSM-7", units: 5, segments: 1 });
    expect(countSegments("a".repeat(160)).segments).toBe(1);
    expect(countSegments("a".repeat(161)).segments).toBe(2);
    expect(countSegments("a".repeat(306)).segments).toBe(2);
    expect(countSegments("a".repeat(307)).segments).toBe(3);
  });
  it("the extension table counts twice: 80 € fill one segment, 81 take two", () => {
    expect(countSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSegments("€".repeat(81)).segments).toBe(2);
    expect(countSegments("Zürich Café Ñoño").encoding).toBe("GSM-7");
    expect(countSegments("Ñandú").encoding).toBe("UCS-2"); // ú is not in the GSM alphabet (ù is)
  });
  it("one character outside GSM makes it UCS-2: 70 code units in one segment, 67 per segment after", () => {
    expect(countSegments("Zoë")).toEqual({ encoding: "UCS-2", units: 3, segments: 1 });
    expect(countSegments("ë".repeat(70)).segments).toBe(1);
    expect(countSegments("ë".repeat(71)).segments).toBe(2);
    expect(countSegments("ë".repeat(134)).segments).toBe(2);
    expect(countSegments("ë".repeat(135)).segments).toBe(3);
    expect(countSegments("😀").units).toBe(2); // a surrogate pair is two UTF-16 units
  });
});

describe("the SMS invitation", () => {
  const base = { baseUrl: "http://127.0.0.1:3000", invitationId: `inv${"a1".repeat(16)}`, reminder: false };

  it("carries the personal link and the opt-out wording in one GSM-7 segment", () => {
    const m = smsInvitation({ ...base, orgName: "Acme" });
    expect(m.body).toMatch(
      /^Acme: .* http:\/\/127\.0\.0\.1:3000\/i\/inva1[a1]+\.[A-Za-z0-9_-]{22} Reply STOP to opt out$/,
    );
    expect(m).toMatchObject({ encoding: "GSM-7", segments: 1 });
  });
  it("a reminder says so", () => {
    expect(smsInvitation({ ...base, orgName: "Acme", reminder: true }).body).toMatch(/^Acme: still time/);
  });
  it("drops accents outside the GSM alphabet rather than sending UCS-2, and shortens a long name", () => {
    const polish = smsInvitation({ ...base, orgName: "Łódź Kawiarnia" });
    expect(polish.body.startsWith("Lodz Kawiarnia: ")).toBe(true);
    expect(polish).toMatchObject({ encoding: "GSM-7", segments: 1 });
    const long = smsInvitation({ ...base, orgName: "The Extremely Long Name of a Very Large Holding Company" });
    expect(long.segments).toBe(1);
    expect(long.body).toContain("Reply STOP to opt out");
    expect(long.body.startsWith("The Extremely")).toBe(true);
  });
  it("worked example, a sender people can reply to: 21 + 82 + 22 = 125 septets, one segment", () => {
    // "Acme: how did we do? " (21) + the link (21 for the base, "/i/", a 58-character token = 82) + " Reply STOP to
    // opt out" (22); the friendlier wording would be 63 + 82 + 22 = 167 > 160, so the shorter one is taken.
    const m = smsInvitation({ ...base, orgName: "Acme" });
    expect(m).toMatchObject({ encoding: "GSM-7", units: 125, segments: 1 });
    expect(m.body.startsWith("Acme: how did we do? ")).toBe(true);
  });

  describe("from an alphanumeric sender (no replies possible)", () => {
    const alpha = { ...base, replies: false };
    it("never asks for a reply: it carries the unsubscribe link /u/<token> instead", () => {
      const m = smsInvitation({ ...alpha, orgName: "Acme" });
      const token = m.body.match(/\/i\/([^ ]+)/)![1];
      expect(m.body).not.toMatch(/reply|STOP/i);
      expect(m.body.endsWith(` Opt out: http://127.0.0.1:3000/u/${token}`)).toBe(true);
    });
    it("worked example: 63 + 82 + 10 + 82 = 237 septets, two segments (153 each), so the friendliest wording", () => {
      // Two 82-character links cannot share one 160-septet segment with any wording; of two-segment texts the
      // friendliest wins: "Acme: we would like your opinion. It takes less than a minute: " (63) + link (82) +
      // " Opt out: " (10) + link (82).
      const m = smsInvitation({ ...alpha, orgName: "Acme" });
      expect(m).toMatchObject({ encoding: "GSM-7", units: 237, segments: 2 });
      expect(m.body.startsWith("Acme: we would like your opinion. It takes less than a minute: ")).toBe(true);
      // a reminder: "Acme: a reminder, we would still like your opinion. It takes a minute: " (71) → 245, two
      expect(smsInvitation({ ...alpha, orgName: "Acme", reminder: true })).toMatchObject({ units: 245, segments: 2 });
    });
    it("worked example in UCS-2: 196 code units take three segments of 67", () => {
      // "東京カフェ: how did we do? " (22) + 82 + 10 + 82 = 196; ceil(196 / 67) = 3
      expect(smsInvitation({ ...alpha, orgName: "東京カフェ" })).toMatchObject({
        encoding: "UCS-2",
        units: 196,
        segments: 3,
      });
    });
  });

  it("a name with nothing in the GSM alphabet goes as UCS-2 in two segments", () => {
    const m = smsInvitation({ ...base, orgName: "東京カフェ" });
    expect(m).toMatchObject({ encoding: "UCS-2", segments: 2 });
    expect(m.body.startsWith("東京カフェ: how did we do? ")).toBe(true);
  });
});

describe("Twilio's errors", () => {
  it.each([
    [400, 21211, { status: "permanent", reason: "invalid_number", code: "twilio_21211" }],
    [400, 21614, { status: "permanent", reason: "invalid_number", code: "twilio_21614" }],
    [400, 21610, { status: "permanent", reason: "opted_out", code: "twilio_21610" }],
    [400, 21617, { status: "permanent", reason: "rejected", code: "twilio_21617" }],
    [400, null, { status: "permanent", reason: "rejected", code: "http_400" }],
    [401, 20003, { status: "retry", code: "twilio_20003" }],
    [400, 21606, { status: "retry", code: "twilio_21606" }],
    [429, 20429, { status: "retry", code: "twilio_20429" }],
    [500, null, { status: "retry", code: "http_500" }],
    [503, null, { status: "retry", code: "http_503" }],
  ] as const)("HTTP %i code %s", (status, code, outcome) => expect(classifyTwilio(status, code)).toEqual(outcome));

  it("the configuration names what is missing; no provider without SMS_PROVIDER", () => {
    expect(smsProviderFromEnv({})).toBeNull();
    expect(() => smsProviderFromEnv({ SMS_PROVIDER: "carrier-pigeon" })).toThrow(/not a provider/);
    expect(() => smsProviderFromEnv({ SMS_PROVIDER: "twilio", TWILIO_ACCOUNT_SID: "AC1" })).toThrow(
      /TWILIO_AUTH_TOKEN/,
    );
    expect(() =>
      smsProviderFromEnv({ SMS_PROVIDER: "twilio", TWILIO_ACCOUNT_SID: "AC1", TWILIO_AUTH_TOKEN: "t" }),
    ).toThrow(/TWILIO_FROM/);
    expect(() =>
      smsProviderFromEnv({
        SMS_PROVIDER: "twilio",
        TWILIO_ACCOUNT_SID: "AC1",
        TWILIO_AUTH_TOKEN: "t",
        TWILIO_FROM: "+15005550006",
        TWILIO_API_BASE_URL: "ftp://127.0.0.1",
      }),
    ).toThrow(/http/);
    expect(
      smsProviderFromEnv({
        SMS_PROVIDER: "twilio",
        TWILIO_ACCOUNT_SID: "AC1",
        TWILIO_AUTH_TOKEN: "t",
        TWILIO_FROM: "Acme",
      })?.name,
    ).toBe("twilio");
  });

  it("knows when replies are possible: a number or a Messaging Service, not an alphanumeric sender id", () => {
    const env = { SMS_PROVIDER: "twilio", TWILIO_ACCOUNT_SID: "AC1", TWILIO_AUTH_TOKEN: "t" };
    expect(smsProviderFromEnv({ ...env, TWILIO_FROM: "+15005550006" })?.replies).toBe(true);
    expect(smsProviderFromEnv({ ...env, TWILIO_FROM: "Acme" })?.replies).toBe(false);
    expect(smsProviderFromEnv({ ...env, TWILIO_MESSAGING_SERVICE_SID: "MG1" })?.replies).toBe(true);
  });
});
