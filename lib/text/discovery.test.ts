// Worked examples of docs/text-analytics.md, "Discovery": the weighted log-odds ratio with an informative Dirichlet
// prior (Monroe, Colaresi & Quinn 2008, eq. 16–22). Reference values from Python 3 (math.log, math.sqrt), computed
// apart from this code from the counts written in the comments.
import { describe, expect, it } from "vitest";
import {
  discoverPhrases,
  jaccard,
  phrasesOf,
  weightedLogOdds,
  type DiscoveryComment,
  type DiscoveryGroup,
} from "./discovery";

describe("weightedLogOdds", () => {
  it("eq. 16–22 on plain counts", () => {
    // y_a = 120, y_b = 30, y = 200; n_a = 10,000, n_b = 12,000, n = 30,000; α₀ = 1,000 → α_i = 1,000 · 200/30,000 = 6.667.
    // δ̂ = log(126.667 / (11,000 − 126.667)) − log(36.667 / (13,000 − 36.667)) = 1.415502,
    // σ² = 1/126.667 + 1/36.667 = 0.035167, z = 1.415502 / √0.035167 = 7.548143.
    const r = weightedLogOdds({ a: 120, b: 30, corpus: 200 }, { a: 10_000, b: 12_000, corpus: 30_000 }, 1000);
    expect(r.alpha).toBeCloseTo(6.666667, 6);
    expect(r.delta).toBeCloseTo(1.4155024379, 9);
    expect(r.variance).toBeCloseTo(0.0351674641, 9);
    expect(r.z).toBeCloseTo(7.548142581, 8);
  });

  it("is antisymmetric: swapping the groups flips δ̂ and z", () => {
    const ab = weightedLogOdds({ a: 7, b: 2, corpus: 12 }, { a: 80, b: 90, corpus: 200 }, 50);
    const ba = weightedLogOdds({ a: 2, b: 7, corpus: 12 }, { a: 90, b: 80, corpus: 200 }, 50);
    expect(ba.delta).toBeCloseTo(-ab.delta, 12);
    expect(ba.z).toBeCloseTo(-ab.z, 12);
  });

  it("refuses a non-positive prior and an empty phrase", () => {
    expect(() => weightedLogOdds({ a: 1, b: 1, corpus: 2 }, { a: 5, b: 5, corpus: 10 }, 0)).toThrow(RangeError);
    expect(() => weightedLogOdds({ a: 0, b: 0, corpus: 0 }, { a: 5, b: 5, corpus: 10 }, 10)).toThrow(RangeError);
  });
});

describe("phrasesOf", () => {
  it("content words and adjacent pairs on stems, stopwords and punctuation breaking pairs, each once", () => {
    expect(phrasesOf("The app is not working again, I was charged twice! Charged twice.", "en")).toEqual({
      keys: ["app", "work", "again", "work again", "charg", "twice", "charg twice"],
      surfaces: ["app", "working", "again", "working again", "charged", "twice", "charged twice"],
    });
    expect(phrasesOf("Die Kontoführungsgebühren sind wieder gestiegen.", "de").keys).toEqual([
      "kontofuhrungsgebuhr",
      "wied",
      "gestieg",
      "wied gestieg",
    ]);
  });
});

describe("discoverPhrases: a small corpus worked by hand", () => {
  // Detractors: 4 × "Hidden fees!", 1 × "Fees.", 2 × "Rude staff", 1 × "Slow app".
  // Promoters: 1 × "hidden fees", 3 × "Friendly staff", 3 × "Great app". Others (passives): 2 × "slow app".
  // Phrases per comment ("friendly" stems to "friend"): hidden, fee, "hidden fee"; fee; rude, staff, "rude staff" …
  // Counts (comments): fee 5 / 1 / 0, hidden and "hidden fee" 4 / 1 / 0, staff 2 / 3 / 0, rude and "rude staff"
  // 2 / 0 / 0, slow and "slow app" 1 / 0 / 2, app 1 / 3 / 2, friend, "friend staff", great, "great app" 0 / 3 / 0.
  // n_a = 12 + 1 + 6 + 3 = 22, n_b = 3 + 9 + 9 = 21, n = 22 + 21 + 6 = 49. α₀ = 10.
  const comments: DiscoveryComment[] = [];
  const add = (count: number, group: DiscoveryGroup, text: string) => {
    for (let i = 0; i < count; i += 1) comments.push({ id: `c${comments.length + 1}`, group, text, language: "en" });
  };
  add(4, "detractor", "Hidden fees!");
  add(1, "detractor", "Fees.");
  add(2, "detractor", "Rude staff");
  add(1, "detractor", "Slow app");
  add(1, "promoter", "hidden fees");
  add(3, "promoter", "Friendly staff");
  add(3, "promoter", "Great app");
  add(2, "other", "slow app");
  // At least 3 comments in all and 2 of detractors: fee, hidden, "hidden fee" and staff qualify (rude: 2 in all;
  // slow, app: 1 detractor). No merging here (minOverlap above 1): the scores one by one; merging is pinned below.
  const worked = { alpha0: 10, minComments: 3, minDetractors: 2, minZ: -Infinity };
  const r = discoverPhrases(comments, { ...worked, minOverlap: 2 });

  it("scores exactly the phrases with enough comments", () => {
    expect(r.comments).toEqual({ detractor: 8, promoter: 7, other: 2 });
    expect(r.scored).toBe(4);
    expect(r.phrases.map((p) => [p.stems, p.text, p.a, p.b, p.corpus])).toEqual([
      ["fee", "fees", 5, 1, 6],
      ["hidden fee", "hidden fees", 4, 1, 5], // the same z as hidden: the pair first
      ["hidden", "hidden", 4, 1, 5],
      ["staff", "staff", 2, 3, 5],
    ]);
  });

  it("δ̂ and z as computed by hand", () => {
    // fee: α = 10 · 6/49 = 1.2245; δ̂ = log(6.2245 / (32 − 6.2245)) − log(2.2245 / (31 − 2.2245)) = 1.139064,
    // σ² = 1/6.2245 + 1/2.2245 = 0.610197, z = 1.458186.
    const [fee, pair, hidden, staff] = r.phrases;
    expect(fee!.alpha).toBeCloseTo(1.2244898, 6);
    expect(fee!.delta).toBeCloseTo(1.139063755, 8);
    expect(fee!.variance).toBeCloseTo(0.610197022, 8);
    expect(fee!.z).toBeCloseTo(1.458186224, 8);
    // hidden: α = 10 · 5/49 = 1.0204; δ̂ = 0.981723, σ² = 0.694136, z = 1.178329; the pair has the same counts.
    expect(hidden!.z).toBeCloseTo(1.178328678, 8);
    expect(pair!.z).toBe(hidden!.z);
    expect(pair!.words).toBe(2);
    // staff, used more by promoters: δ̂ = −0.357503, z = −0.469500.
    expect(staff!.delta).toBeCloseTo(-0.357502585, 8);
    expect(staff!.z).toBeCloseTo(-0.469499971, 8);
  });

  it("gives up to three detractor comments as examples", () => {
    expect(r.phrases[0]!.examples).toEqual(["c1", "c2", "c3"]);
    expect(r.phrases[3]!.examples).toEqual(["c6", "c7"]);
  });

  it("with the defaults: only phrases of 5 comments or more, 3 of them detractors', are scored", () => {
    // fee (6 comments, 5 detractors'), hidden and "hidden fee" (5, 4) are scored; with α₀ = 1,000 pseudo-counts
    // against n = 49 the prior pulls every δ̂ towards 0 and none reaches z ≥ 1.96. rude (2 comments), app (1
    // detractor) are never scored, whatever their odds.
    const d = discoverPhrases(comments);
    expect(d.scored).toBe(3);
    expect(d.phrases).toEqual([]);
    const all = discoverPhrases(comments, { minZ: -Infinity, minOverlap: 2 });
    expect(all.phrases.map((p) => p.stems)).toEqual(["fee", "hidden fee", "hidden"]);
    // fee: α = 1,000 · 6/49 = 122.45, δ̂ = log(127.45 / (1,022 − 127.45)) − log(123.45 / (1,021 − 123.45)) = 0.035236,
    // σ² = 1/127.45 + 1/123.45 = 0.015947, z = 0.27903.
    expect(all.phrases[0]!.z).toBeCloseTo(0.279031, 5);
  });

  it("keeps languages apart and skips unsupported ones", () => {
    const mixed = discoverPhrases(
      [
        ...comments,
        { id: "fr", group: "detractor", text: "Frais cachés", language: "fr" },
        { id: "de", group: "detractor", text: "Versteckte Gebühren", language: "de" },
      ],
      { ...worked, minOverlap: 2 },
    );
    expect(mixed.comments.detractor).toBe(9);
    // English n_a is unchanged by the German comment: the same z.
    expect(mixed.phrases[0]).toMatchObject({ language: "en", stems: "fee", z: r.phrases[0]!.z });
  });

  it("merges phrases whose comments overlap (Jaccard ≥ 0.8): one finding, the strongest phrase, the others as alternatives", () => {
    // The comments mentioning each phrase (ids): fee c1–c5 and c9 (the promoter's "hidden fees"), 6 comments;
    // hidden and "hidden fee" c1–c4 and c9, 5 comments; staff c6, c7, c10–c12.
    // Jaccard(fee, "hidden fee") = |{c1–c4, c9}| / |{c1–c5, c9}| = 5/6 = 0.833 ≥ 0.8: "hidden fee" joins fee (z
    // 1.458 > 1.178), and so does hidden (the same z and comments as the pair, which sorts first; it is compared with
    // the group's lead, fee: 5/6).
    // Jaccard(fee, staff) = 0/11: staff stays a suggestion of its own.
    const merged = discoverPhrases(comments, worked);
    expect(merged.phrases.map((p) => [p.stems, p.a, p.b, p.corpus, p.alternatives])).toEqual([
      [
        "fee",
        5,
        1,
        6,
        [
          { text: "hidden fees", stems: "hidden fee" },
          { text: "hidden", stems: "hidden" },
        ],
      ],
      ["staff", 2, 3, 5, []],
    ]);
    // The lead keeps its own figures and examples.
    expect(merged.phrases[0]).toMatchObject({ z: r.phrases[0]!.z, examples: ["c1", "c2", "c3"] });
    // One more "Fees!" from a detractor: fee has 7 comments, Jaccard(fee, "hidden fee") = 5/7 = 0.714 < 0.8 — apart,
    // but "hidden fee" and hidden (the same 5 comments, Jaccard 1) are still one, the pair leading.
    const apart = discoverPhrases(
      [...comments, { id: "c18", group: "detractor", text: "Fees!", language: "en" }],
      worked,
    );
    expect(apart.phrases.map((p) => [p.stems, p.alternatives.map((a) => a.stems)])).toEqual([
      ["fee", []],
      ["hidden fee", ["hidden"]],
      ["staff", []],
    ]);
    // The threshold is the option's: at 0.85, 5/6 is not enough.
    expect(discoverPhrases(comments, { ...worked, minOverlap: 0.85 }).phrases.map((p) => p.stems)).toEqual([
      "fee",
      "hidden fee",
      "staff",
    ]);
  });

  it("counts the limit in findings, not phrases", () => {
    const one = discoverPhrases(comments, { ...worked, limit: 1 });
    expect(one.phrases.map((p) => [p.stems, p.alternatives.length])).toEqual([["fee", 2]]);
  });
});

describe("jaccard", () => {
  it("is |A ∩ B| / |A ∪ B| of ascending lists", () => {
    expect(jaccard([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6])).toBeCloseTo(5 / 6, 12);
    expect(jaccard([1, 3, 5], [2, 3, 4, 5])).toBeCloseTo(2 / 5, 12);
    expect(jaccard([1], [2])).toBe(0);
    expect(jaccard([], [])).toBe(1);
  });
});
