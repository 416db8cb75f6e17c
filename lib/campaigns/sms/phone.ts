// The number an SMS goes to: the customer's phone in international E.164 form (+, country code, at most 15
// digits in all). Customers' phone numbers are free text (imports, the API, staff), so spaces, dots, dashes,
// parentheses and a leading 00 are read through; a national number without its country code ("079 123 45 67")
// cannot be dialled from a provider abroad and is not guessed: such a customer is suppressed as no_phone.

/** The E.164 form of a phone number, or null when it has none (e.g. "+41 79 123 45 67" → "+41791234567"). */
export function toE164(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const compact = phone.trim().replace(/[\s.\-()/\u00a0]/g, "");
  const international = compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
  // E.164: a country code never starts with 0, and the whole number has 8 to 15 digits (the shortest in use
  // have 7 or 8 digits after the country code).
  return /^\+[1-9]\d{7,14}$/.test(international) ? international : null;
}
