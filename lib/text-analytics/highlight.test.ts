import { describe, expect, it } from "vitest";
import { highlightSegments, readSpans } from "./highlight";

describe("highlightSegments", () => {
  it("cuts the text at the spans and gives it back joined", () => {
    const text = "You charged me twice, hidden fees!";
    const segs = highlightSegments(text, [
      [4, 11],
      [22, 33],
    ]);
    expect(segs).toEqual([
      { text: "You ", mark: false },
      { text: "charged", mark: true },
      { text: " me twice, ", mark: false },
      { text: "hidden fees", mark: true },
      { text: "!", mark: false },
    ]);
    expect(segs.map((s) => s.text).join("")).toBe(text);
  });

  it("joins overlapping spans, clips out-of-range ones and keeps markup as text", () => {
    const text = "<script>x</script> fee";
    expect(
      highlightSegments(text, [
        [19, 40],
        [-5, 3],
        [1, 8],
        [50, 60],
      ]),
    ).toEqual([
      { text: "<script>", mark: true },
      { text: "x</script> ", mark: false },
      { text: "fee", mark: true },
    ]);
    expect(highlightSegments("", [[0, 3]])).toEqual([{ text: "", mark: false }]);
  });

  it("reads stored spans defensively", () => {
    expect(readSpans("[[1,2],[3,5]]")).toEqual([
      [1, 2],
      [3, 5],
    ]);
    expect(readSpans([[1, 2], [5, 3], ["a", 1], [1.5, 2], 7])).toEqual([[1, 2]]);
    expect(readSpans("not json")).toEqual([]);
    expect(readSpans(null)).toEqual([]);
  });
});
