import { describe, expect, it } from "vitest";
import { smsKeyword } from "./keywords";
import { twilioSignature, validTwilioSignature } from "./signature";
import { twilioWebhookUrl } from "./webhook-url";

describe("Twilio's request signature", () => {
  // The worked example of Twilio's own libraries: URL + the parameters sorted by name, each name then value.
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const params = new URLSearchParams({
    CallSid: "CA1234567890ABCDE",
    Caller: "+14158675309",
    Digits: "1234",
    From: "+14158675309",
    To: "+18005551212",
  });

  it("is base64(HMAC-SHA1(token, url + sorted name+value pairs))", () => {
    expect(twilioSignature("12345", url, params)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    // the order the form arrives in does not matter
    const shuffled = new URLSearchParams([...params.entries()].reverse());
    expect(twilioSignature("12345", url, shuffled)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  });

  it("refuses a missing, wrong or truncated signature, another token, URL or parameter", () => {
    const good = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    expect(validTwilioSignature("12345", good, url, params)).toBe(true);
    expect(validTwilioSignature("12345", null, url, params)).toBe(false);
    expect(validTwilioSignature("12345", "", url, params)).toBe(false);
    expect(validTwilioSignature("12345", good.slice(0, -1), url, params)).toBe(false);
    expect(validTwilioSignature("12345", good.toLowerCase(), url, params)).toBe(false);
    expect(validTwilioSignature("54321", good, url, params)).toBe(false);
    expect(validTwilioSignature("", good, url, params)).toBe(false);
    expect(validTwilioSignature("12345", good, "https://evil.example/myapp.php?foo=1&bar=2", params)).toBe(false);
    const changed = new URLSearchParams(params);
    changed.set("Digits", "1235");
    expect(validTwilioSignature("12345", good, url, changed)).toBe(false);
    const added = new URLSearchParams(params);
    added.append("Extra", "");
    expect(validTwilioSignature("12345", good, url, added)).toBe(false);
  });

  it("a name that occurs twice contributes each value, in value order", () => {
    const a = new URLSearchParams([
      ["B", "2"],
      ["A", "y"],
      ["A", "x"],
    ]);
    const b = new URLSearchParams([
      ["A", "x"],
      ["A", "y"],
      ["B", "2"],
    ]);
    expect(twilioSignature("t", "https://x.example/h", a)).toBe(twilioSignature("t", "https://x.example/h", b));
  });

  it("the endpoints' URLs come from PUBLIC_URL alone", () => {
    expect(twilioWebhookUrl("/api/v1/public/sms/twilio/status", { PUBLIC_URL: "https://cx.example.com/" })).toBe(
      "https://cx.example.com/api/v1/public/sms/twilio/status",
    );
    expect(twilioWebhookUrl("/x", { NEXTAUTH_URL: "https://cx.example.com" })).toBeNull();
  });
});

describe("opt-out and opt-in keywords", () => {
  it.each(["STOP", "stop", " Stop \n", "STOPALL", "unsubscribe", "CANCEL", "end", "QUIT", "OptOut", "REVOKE"])(
    "%j stops",
    (body) => expect(smsKeyword(body)).toBe("stop"),
  );
  it.each(["START", "unstop", " yes "])("%j starts again", (body) => expect(smsKeyword(body)).toBe("start"));
  it.each(["", "STOP!", "stop it", "please stop", "S T O P", "ſtop", "quıt", "STOP STOP", "no", "10", null])(
    "%j is an ordinary message",
    (body) => expect(smsKeyword(body)).toBeNull(),
  );
});
