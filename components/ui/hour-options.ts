// The hours of a day as select options, "00:00" to "24:00" (24 = midnight, the end of a window or quiet hours).
export const HOUR_OPTIONS = Array.from({ length: 25 }, (_, h) => ({
  value: String(h),
  label: `${String(h).padStart(2, "0")}:00`,
}));
