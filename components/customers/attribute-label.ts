// Customer attributes come from imports and the API with keys such as "tenureMonths" or "home_store": shown to
// people as words ("Tenure months", "Home store"); the key itself stays in the page for those who need it.
export function attributeLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/[_\-.]+/g, " ")
    .trim()
    .split(/\s+/)
    .map((w, i) => (i > 0 && !/^[A-Z0-9]{2,}$/.test(w) ? w.toLowerCase() : w));
  if (!words[0]) return key;
  return (
    words[0].charAt(0).toUpperCase() + words[0].slice(1) + (words.length > 1 ? ` ${words.slice(1).join(" ")}` : "")
  );
}
