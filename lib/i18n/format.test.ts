import { describe, expect, it } from "vitest";
import { formatsFor } from "./format";

// Local dates: the formatters use the runtime's time zone, as the pages always did.
const dec5 = new Date(2026, 11, 5, 14, 5);

describe("formatsFor", () => {
  it("keeps the English output the app always had", () => {
    const en = formatsFor("en");
    expect(en.date(dec5)).toBe("5 Dec 2026");
    expect(en.dateTime(dec5)).toBe("5 Dec 2026, 14:05");
    expect(en.period(new Date(2026, 7, 24), new Date(2026, 10, 22))).toBe("24 Aug\u2009–\u200922 Nov 2026");
    expect(en.count(1234)).toBe("1,234");
    expect(en.number(1234.5, 1)).toBe("1234.5");
    expect(en.number(-3.25, 1)).toBe("\u22123.3");
    expect(en.percent(38.26)).toBe("38.3\u00a0%");
    expect(en.nEquals(1234)).toBe("n\u00a0=\u00a01,234");
    expect(en.date(null)).toBe("—");
    expect(en.date("not a date", "")).toBe("");
  });

  it("writes German dates and numbers the German way", () => {
    const de = formatsFor("de");
    expect(de.date(dec5)).toBe("5. Dez. 2026");
    expect(de.dateTime(dec5)).toBe("5. Dez. 2026, 14:05");
    expect(de.period(new Date(2026, 7, 24), new Date(2026, 10, 22))).toBe("24. Aug.\u2009–\u200922. Nov. 2026");
    expect(de.count(1234)).toBe("1.234");
    expect(de.number(1234.5, 1)).toBe("1.234,5");
    expect(de.number(-10.84, 1)).toBe("\u221210,8");
    expect(de.number(-0.04, 1)).toBe("0,0");
    expect(de.number(30, 0)).toBe("30");
    expect(de.percent(38.26)).toBe("38,3\u00a0%");
    expect(de.nEquals(1234)).toBe("n\u00a0=\u00a01.234");
  });
});
