import { describe, expect, it } from "vitest";
import { lagParts } from "./replica-notice";

describe("the lag notice", () => {
  const now = new Date("2026-12-05T10:42:20Z");
  it("stays silent within two seconds and names the time and the lag beyond", () => {
    expect(lagParts(new Date("2026-12-05T10:42:19Z"), now)).toBeNull();
    expect(lagParts(new Date("2026-12-05T10:42:13Z"), now)).toEqual({ time: "10:42:13", behind: "7 s" });
    expect(lagParts(new Date("2026-12-05T10:37:20Z"), now)?.behind).toBe("5 min");
  });
});
