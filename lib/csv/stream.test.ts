import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvLines, csvStream, guardCell, unguardCell, type CsvCell } from "./stream";

describe("formula guard", () => {
  it("prefixes cells a spreadsheet would run, and only those", () => {
    for (const v of ["=SUM(A1)", "+1 555", "-2+3", "@cmd", "\t=1", "\r=1"]) expect(guardCell(v)).toBe(`'${v}`);
    for (const v of ["", "plain", "a=b", "1-2", "'quoted", " =1"]) expect(guardCell(v)).toBe(v);
  });

  it("unguard undoes guard and leaves other text alone", () => {
    for (const v of ["=SUM(A1)", "+1 555", "@x", "plain", "'quoted", "'", ""])
      expect(unguardCell(guardCell(v))).toBe(v);
  });

  it("guards text cells but writes numbers as numbers", () => {
    expect(parse(csvLines([["=1+1", -3, null, true]]))).toEqual([["'=1+1", "-3", "", "true"]]);
  });
});

describe("csvStream", () => {
  it("reads the next batch only when the consumer pulls, and stops the source on cancel", async () => {
    const pulled: number[] = [];
    let closed = false;
    async function* batches(): AsyncGenerator<CsvCell[][]> {
      try {
        for (let i = 0; i < 100; i++) {
          pulled.push(i);
          yield [[`row ${i}`, i]];
        }
      } finally {
        closed = true;
      }
    }
    const reader = csvStream(["name", "n"], batches()).getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toBe("name,n\n");
    expect(decoder.decode((await reader.read()).value)).toBe("row 0,0\n");
    // highWaterMark 1: at most one batch ahead of what was read
    expect(pulled.length).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(closed).toBe(true);
    expect(pulled.length).toBeLessThan(5);
  });
});

describe("csvStream failure", () => {
  it("errors the stream (never closes it) when a batch fails after rows went out", async () => {
    async function* batches(): AsyncGenerator<CsvCell[][]> {
      yield [["a", 1]];
      throw new Error("database went away");
    }
    const reader = csvStream(["name", "n"], batches()).getReader();
    expect((await reader.read()).done).toBe(false); // header
    expect((await reader.read()).done).toBe(false); // first batch
    await expect(reader.read()).rejects.toThrow("database went away");
  });
});
