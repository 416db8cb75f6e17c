import { describe, expect, it } from "vitest";
import { parseEmotion, parseInteractionRow, touchpointPath } from "./interactions";
import { INTERACTION_SPEC } from "./interaction-spec";
import { resolveMapping, suggestMapping } from "./mapping";
import { compileMapping } from "./row";

const header = ["customer", "occurredAt", "outcome", "emotion", "note"];
const columns = compileMapping(
  resolveMapping(suggestMapping(header, INTERACTION_SPEC), header, INTERACTION_SPEC),
  header,
);

describe("interaction rows", () => {
  it("suggests the interaction fields from an export's header and ignores unknown columns", () => {
    expect(suggestMapping(["Customer", "Occurred at", "Outcome", "Mood", "Shoe size"], INTERACTION_SPEC)).toEqual({
      Customer: "customer",
      "Occurred at": "occurredAt",
      Outcome: "outcome",
      Mood: "emotion",
      "Shoe size": "ignore",
    });
  });

  it("reads emotions as −2..+2 or their labels", () => {
    expect(["-2", "+1", "0", "delighted", "Very upset"].map(parseEmotion)).toEqual([-2, 1, 0, 2, -2]);
    expect(["3", "1.5", "meh"].map(parseEmotion)).toEqual(["bad", "bad", "bad"]);
  });

  it("names the column of each bad cell; outcome labels are normalized", () => {
    const good = parseInteractionRow(
      ["EXT-1", "2026-03-14T09:30:00+02:00", "Follow up", "Pleased", "'=1+1"],
      columns,
      2,
    );
    expect(good).toEqual({
      ok: true,
      input: {
        customer: "EXT-1",
        occurredAt: new Date("2026-03-14T07:30:00Z"),
        outcome: "follow_up",
        emotion: 1,
        note: "=1+1",
      },
    });
    const bad = parseInteractionRow(["", "14/03/2026", "won", "7", ""], columns, 5);
    expect(bad.ok ? [] : bad.problems.map((p) => `${p.row}:${p.field}`)).toEqual([
      "5:emotion",
      "5:customer",
      "5:occurredAt",
      "5:outcome",
    ]);
  });

  it("compares touchpoint paths without case or spacing around the slashes", () => {
    expect(touchpointPath(..." Onboarding/Setup /Welcome Call".split("/"))).toBe(
      touchpointPath("onboarding", "setup", "welcome call"),
    );
  });
});
