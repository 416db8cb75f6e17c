// Database errors that services handle on purpose. A unique index turning away a second insert is how several
// of them settle races (leases, idempotent retries, first-run setup); Prisma reports it as P2002 on both
// databases, whichever driver adapter raised it. Everything else is left to lib/http/prisma-errors.ts (→ 409/404)
// or becomes a 500.

/** True when `error` is Prisma's unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null | undefined)?.code === "P2002";
}
