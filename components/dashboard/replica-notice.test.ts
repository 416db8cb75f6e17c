import { describe, expect, it } from "vitest";
import { lagText } from "./replica-notice";

describe("the lag notice", () => {
  const now = new Date("2026-12-05T10:42:20Z");
  it("stays silent within two seconds and names the time and the lag beyond", () => {
    expect(lagText(new Date("2026-12-05T10:42:19Z"), now)).toBeNull();
    expect(lagText(new Date("2026-12-05T10:42:13Z"), now)).toBe(
      "Figures as of 10:42:13 UTC: they are read from a copy of the database that is 7 s behind, so the latest answers are not counted yet.",
    );
    expect(lagText(new Date("2026-12-05T10:37:20Z"), now)).toContain("5 min behind");
  });
});
