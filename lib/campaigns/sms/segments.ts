// How many SMS segments a text takes (what a provider charges for and what a phone reassembles): a text in the
// GSM 03.38 alphabet goes as GSM-7, 160 characters in one segment and 153 per segment when split (7 go to the
// header that joins them), the characters of the extension table (^ { } \ [ ] ~ | €) counting twice; any
// other character makes the whole text UCS-2: 70 UTF-16 code units in one segment, 67 per segment when split.

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export type SmsEncoding = "GSM-7" | "UCS-2";
export type SegmentCount = { encoding: SmsEncoding; units: number; segments: number };

/** The encoding, the length in that encoding's units (septets or UTF-16 code units), and the segments. */
export function countSegments(text: string): SegmentCount {
  let septets = 0;
  for (const ch of text) {
    if (basic.has(ch)) septets += 1;
    else if (extended.has(ch)) septets += 2;
    else {
      const units = text.length; // UTF-16 code units: what UCS-2 (in practice UTF-16) sends
      return { encoding: "UCS-2", units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: "GSM-7", units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}
