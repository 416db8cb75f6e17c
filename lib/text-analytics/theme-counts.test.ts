import { describe, expect, it } from "vitest";
import { commentsOf, mentionsOf, scoresOf, type ThemeCell } from "./theme-counts";

// Two buckets; in "w1" 3 comments (NPS 2, 2, 10), two mentioning billing (sentiments −0.5 and −0.25, both at score 2)
// and one staff (0.75 at 10); in "w2" one CSAT comment (score 5) mentioning billing (0.125).
const cells: ThemeCell[] = [
  { key: "w1", theme: "", metric: "nps", score: 2, n: 2, milli: -750, micro: 312_500 },
  { key: "w1", theme: "", metric: "nps", score: 10, n: 1, milli: 750, micro: 562_500 },
  { key: "w1", theme: "billing", metric: "nps", score: 2, n: 2, milli: -750, micro: 312_500 },
  { key: "w1", theme: "staff", metric: "nps", score: 10, n: 1, milli: 750, micro: 562_500 },
  { key: "w2", theme: "", metric: "csat", score: 5, n: 1, milli: 125, micro: 15_625 },
  { key: "w2", theme: "billing", metric: "csat", score: 5, n: 1, milli: 125, micro: 15_625 },
];

describe("the rows of one theme-count statement", () => {
  it("comments per key: every metric and score of theme ''", () => {
    expect(commentsOf(cells)).toEqual([
      { key: "w1", comments: 3 },
      { key: "w2", comments: 1 },
    ]);
  });

  it("mentions per key and theme, with the sentiment sums back in their unit (thousandths, millionths)", () => {
    expect(mentionsOf(cells)).toEqual([
      { key: "w1", theme: "billing", mentions: 2, sentimentSum: -0.75, sentimentSumSquares: 0.3125 },
      { key: "w1", theme: "staff", mentions: 1, sentimentSum: 0.75, sentimentSumSquares: 0.5625 },
      { key: "w2", theme: "billing", mentions: 1, sentimentSum: 0.125, sentimentSumSquares: 0.015625 },
    ]);
  });

  it("the mentioners' scores of one metric only", () => {
    expect(scoresOf(cells, "nps")).toEqual([
      { key: "w1", theme: "billing", score: 2, count: 2 },
      { key: "w1", theme: "staff", score: 10, count: 1 },
    ]);
    expect(scoresOf(cells, "csat")).toEqual([{ key: "w2", theme: "billing", score: 5, count: 1 }]);
  });
});
