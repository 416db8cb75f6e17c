// The widget loads on customers' sites: its size is a budget, checked on every test run (not a benchmark:
// bytes are deterministic). Builds the bundle in memory with the same options as scripts/build-embed.mjs.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
// @ts-expect-error — a plain .mjs build script without type declarations
import { buildEmbed } from "../scripts/build-embed.mjs";

const BUDGET_GZIP_BYTES = 12 * 1024;

describe("embed.js", () => {
  it(`stays under ${BUDGET_GZIP_BYTES / 1024} KB gzipped`, async () => {
    const code: Uint8Array = await buildEmbed({ write: false });
    const gzipped = gzipSync(code, { level: 9 }).length;
    console.log(`embed.js: ${code.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_GZIP_BYTES})`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it("is one ES2019 IIFE without imports or modern syntax", async () => {
    const text = new TextDecoder().decode(await buildEmbed({ write: false }));
    expect(text.startsWith("(()=>{") || text.startsWith('"use strict";(()=>{')).toBe(true);
    expect(text).not.toMatch(/\bimport\s*[({"']|\?\?|\?\.[a-z(]/i);
  });
});
