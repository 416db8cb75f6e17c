// User text in Prisma's string filters (`contains`, `startsWith`), matched literally on both databases: searching
// "50%" finds "50%", not "500". Prisma 7 compiles these filters to LIKE and passes the text through as it is, so % and
// _ would be wildcards (tests/integration/search-wildcards.test.ts). Both databases here take a backslash as the
// escape character: PostgreSQL's LIKE does by default, and SQLite's — which has none unless told — gets
// ESCAPE '\' on every LIKE Prisma writes (lib/db.ts, likeEscapesOnSqlite). Every filter on text a user typed goes
// through these helpers.

/** The text with \, % and _ escaped for a LIKE whose escape character is the backslash. */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, "\\$&");

/** Prisma filter: the field contains the text, literally. */
export const containsText = (text: string) => ({ contains: likeLiteral(text) });

/** Prisma filter: the field starts with the text, literally. */
export const startsWithText = (text: string) => ({ startsWith: likeLiteral(text) });
