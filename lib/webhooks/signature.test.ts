import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from "./signature";
import { openSecret, sealSecret, SecretUnreadableError } from "./secret-box";

// The worked example of the Standard Webhooks specification (its reference libraries test the same vector):
// a receiver that follows the spec computes exactly this signature.
const EXAMPLE = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const at = (seconds: number) => new Date(seconds * 1000);

describe("Standard Webhooks signature", () => {
  it("signs the specification's worked example exactly", () => {
    expect(signWebhook(EXAMPLE.secret, EXAMPLE.id, EXAMPLE.timestamp, EXAMPLE.body)).toBe(EXAMPLE.signature);
  });

  it("builds the three headers from the id, the time of the attempt and the body", () => {
    expect(webhookHeaders(EXAMPLE.secret, EXAMPLE.id, EXAMPLE.body, at(EXAMPLE.timestamp))).toEqual({
      "webhook-id": EXAMPLE.id,
      "webhook-timestamp": String(EXAMPLE.timestamp),
      "webhook-signature": EXAMPLE.signature,
    });
  });

  const headers = { id: EXAMPLE.id, timestamp: String(EXAMPLE.timestamp), signature: EXAMPLE.signature };

  it("verifies the example, also among several signatures (rotation)", () => {
    expect(verifyWebhook(EXAMPLE.secret, headers, EXAMPLE.body, { now: at(EXAMPLE.timestamp + 60) })).toBe(true);
    expect(
      verifyWebhook(EXAMPLE.secret, { ...headers, signature: `v1,AAAA ${EXAMPLE.signature}` }, EXAMPLE.body, {
        now: at(EXAMPLE.timestamp),
      }),
    ).toBe(true);
  });

  it("refuses a changed body, id or timestamp, another secret, another version, and a replay after 5 minutes", () => {
    const now = { now: at(EXAMPLE.timestamp) };
    expect(verifyWebhook(EXAMPLE.secret, headers, '{"test": 2432232315}', now)).toBe(false);
    expect(verifyWebhook(EXAMPLE.secret, { ...headers, id: "msg_other" }, EXAMPLE.body, now)).toBe(false);
    expect(
      verifyWebhook(EXAMPLE.secret, { ...headers, timestamp: String(EXAMPLE.timestamp + 1) }, EXAMPLE.body, now),
    ).toBe(false);
    expect(verifyWebhook(generateWebhookSecret(), headers, EXAMPLE.body, now)).toBe(false);
    expect(
      verifyWebhook(
        EXAMPLE.secret,
        { ...headers, signature: EXAMPLE.signature.replace("v1,", "v2,") },
        EXAMPLE.body,
        now,
      ),
    ).toBe(false);
    expect(verifyWebhook(EXAMPLE.secret, headers, EXAMPLE.body, { now: at(EXAMPLE.timestamp + 301) })).toBe(false);
    expect(verifyWebhook(EXAMPLE.secret, { ...headers, timestamp: "soon" }, EXAMPLE.body, now)).toBe(false);
  });

  it("makes secrets of the whsec_ form with 32 random bytes", () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});

describe("secret at rest", () => {
  const env = { NEXTAUTH_SECRET: "unit-test-key-0123456789" };

  it("round-trips, and the sealed form does not contain the secret", () => {
    const sealed = sealSecret(EXAMPLE.secret, env);
    expect(sealed).not.toContain(EXAMPLE.secret.slice(6));
    expect(openSecret(sealed, env)).toBe(EXAMPLE.secret);
    expect(sealSecret(EXAMPLE.secret, env)).not.toBe(sealed); // a fresh IV every time
  });

  it("cannot be opened with another server key (says to rotate), and WEBHOOK_SECRET_KEY wins over NEXTAUTH_SECRET", () => {
    const sealed = sealSecret(EXAMPLE.secret, env);
    expect(() => openSecret(sealed, { NEXTAUTH_SECRET: "another-key" })).toThrow(SecretUnreadableError);
    expect(() => openSecret(sealed, { ...env, WEBHOOK_SECRET_KEY: "dedicated" })).toThrow(/rotate the secret/);
    expect(
      openSecret(sealSecret("x", { ...env, WEBHOOK_SECRET_KEY: "dedicated" }), { WEBHOOK_SECRET_KEY: "dedicated" }),
    ).toBe("x");
  });
});

describe("the verification snippet for receivers in docs/webhooks.md", () => {
  it("accepts the worked example and refuses a changed body or a stale timestamp", async () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/webhooks.md"), "utf8");
    const section = doc.slice(doc.indexOf("## Signatures"));
    const code = section.match(/```js\n([\s\S]*?)```/)?.[1];
    expect(code).toContain("export function verifyWebhook");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "doc-verify-")), "verify.mjs");
    fs.writeFileSync(file, code!);
    const { verifyWebhook: docVerify } = await import(/* @vite-ignore */ pathToFileURL(file).href);
    const h = {
      "webhook-id": EXAMPLE.id,
      "webhook-timestamp": String(EXAMPLE.timestamp),
      "webhook-signature": EXAMPLE.signature,
    };
    const forever = 1e10;
    expect(docVerify(EXAMPLE.secret, h, EXAMPLE.body, forever)).toBe(true);
    expect(docVerify(EXAMPLE.secret, h, '{"test": 1}', forever)).toBe(false);
    expect(docVerify(EXAMPLE.secret, h, EXAMPLE.body)).toBe(false); // 2021 is long past the 5 minutes
    const fresh = webhookHeaders(EXAMPLE.secret, "evt_1", "{}");
    expect(docVerify(EXAMPLE.secret, fresh, "{}")).toBe(true); // and it agrees with what the worker sends
  });
});
