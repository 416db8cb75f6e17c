import { describe, expect, it } from "vitest";
import { classifySmtpFailure } from "./smtp-failure";

// The shapes nodemailer gives a failed send: responseCode, the SMTP command that was refused, the reply text.
describe("classifySmtpFailure", () => {
  it("a 5xx to RCPT TO is a bounce: the address does not exist", () => {
    expect(
      classifySmtpFailure({
        code: "EENVELOPE",
        command: "RCPT TO",
        responseCode: 550,
        response: "550 5.1.1 No such user",
      }),
    ).toBe("bounce");
  });
  it("a 5.7.x policy refusal at RCPT TO kills the message but says nothing about the address", () => {
    expect(
      classifySmtpFailure({
        code: "EENVELOPE",
        command: "RCPT TO",
        responseCode: 554,
        response: "554 5.7.1 Relay access denied",
      }),
    ).toBe("dead");
  });
  it("a 5xx to the message itself kills the message", () => {
    expect(
      classifySmtpFailure({ code: "EMESSAGE", command: "DATA", responseCode: 552, response: "552 Message too big" }),
    ).toBe("dead");
  });
  it("refusals of the sender or the login are the set-up's, retried: never a bounce, never dead at once", () => {
    expect(
      classifySmtpFailure({
        code: "EENVELOPE",
        command: "MAIL FROM",
        responseCode: 550,
        response: "550 5.7.1 Sender address rejected",
      }),
    ).toBe("retry");
    expect(
      classifySmtpFailure({
        code: "EAUTH",
        command: "AUTH PLAIN",
        responseCode: 535,
        response: "535 5.7.8 Authentication failed",
      }),
    ).toBe("retry");
  });
  it("4xx replies and lost connections are retried", () => {
    expect(classifySmtpFailure({ code: "EENVELOPE", command: "RCPT TO", responseCode: 451 })).toBe("retry");
    expect(classifySmtpFailure({ code: "ECONNECTION", message: "connect ECONNREFUSED" })).toBe("retry");
    expect(classifySmtpFailure({})).toBe("retry");
  });
});
