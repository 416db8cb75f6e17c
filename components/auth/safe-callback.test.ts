import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback";

describe("safeCallbackPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeCallbackPath("/customers?q=ruby#top")).toBe("/customers?q=ruby#top");
    expect(safeCallbackPath("https://cx.example.com/cases/1", "https://cx.example.com")).toBe("/cases/1");
    expect(safeCallbackPath(null)).toBe("/");
  });

  it.each([
    "https://evil.example/phish",
    "//evil.example/phish",
    "/\t/evil.example/phish",
    "/\n/evil.example",
    "/\r\\evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/.//evil.example",
    "javascript:alert(1)",
    "https://cx.example.com.evil.example/",
  ])("sends %j home instead of away", (raw) => {
    expect(safeCallbackPath(raw, "https://cx.example.com")).toBe("/");
    expect(safeCallbackPath(raw)).toBe("/");
  });
});
