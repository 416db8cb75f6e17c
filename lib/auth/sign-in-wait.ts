// The words of a throttled sign-in, shared by the server (lib/auth/sign-in-throttle.ts, which throws them
// through next-auth as the sign-in error) and the sign-in form (which reads the seconds back for its countdown).
export function signInWaitMessage(seconds: number): string {
  return `Too many failed sign-in attempts. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}

/** The seconds to wait named by a sign-in error, or null when the error is something else. */
export function signInWaitSeconds(error: string | null | undefined): number | null {
  const match = /^Too many failed sign-in attempts\. Try again in (\d+) seconds?\.$/.exec(error ?? "");
  return match ? Number(match[1]) : null;
}
