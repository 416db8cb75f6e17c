// A secret's time as the customer-identity page shows it, "2026-12-05 14:05 UTC": the same in every language and
// on server and browser alike (no time zone of its own).
export const utcMinute = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
