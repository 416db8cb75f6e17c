import { beforeAll, describe, expect, it, vi } from "vitest";
import { qrLinkSignature, verifiedAttribution } from "./qr-link";

beforeAll(() => {
  vi.stubEnv("WEBHOOK_SECRET_KEY", "");
  vi.stubEnv("NEXTAUTH_SECRET", "test-secret-for-qr-links");
});

describe("QR link signatures", () => {
  const sig = () => qrLinkSignature("pubS1", "tp1");

  it("keep a signed claim of the channel qr, and only for the survey, touchpoint and channel signed", () => {
    expect(sig()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const claim = { touchpointId: "tp1", channel: "qr", clientId: "c1" };
    expect(verifiedAttribution("pubS1", claim, sig())).toEqual(claim);
    // another touchpoint, another survey, a flipped character, none at all: the claim is dropped, the rest kept
    for (const [publicId, input, s] of [
      ["pubS1", { ...claim, touchpointId: "tp2" }, sig()],
      ["pubS2", claim, sig()],
      ["pubS1", claim, (sig()[0] === "A" ? "B" : "A") + sig().slice(1)],
      ["pubS1", claim, undefined],
      ["pubS1", { channel: "qr", clientId: "c1" }, sig()],
    ] as const)
      expect(verifiedAttribution(publicId, input, s)).toEqual({ clientId: "c1" });
  });

  it("leave other channels and unsigned touchpoints as they were", () => {
    const widget = { touchpointId: "tp1", channel: "web", clientId: "c1" };
    expect(verifiedAttribution("pubS1", widget, undefined)).toEqual(widget);
    expect(verifiedAttribution("pubS1", { touchpointId: "tp1" }, undefined)).toEqual({ touchpointId: "tp1" });
  });

  it("change with the server's link key: a code signed under another key is refused", () => {
    const before = sig();
    vi.stubEnv("NEXTAUTH_SECRET", "another-key");
    expect(qrLinkSignature("pubS1", "tp1")).not.toBe(before);
    expect(verifiedAttribution("pubS1", { touchpointId: "tp1", channel: "qr" }, before)).toEqual({});
    vi.stubEnv("NEXTAUTH_SECRET", "test-secret-for-qr-links");
  });
});
