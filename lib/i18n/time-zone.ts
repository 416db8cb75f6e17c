// The time zone dates are shown in: the server's, as the pages always did (components/ui/format.ts formats in
// the runtime's zone). next-intl is given it explicitly so that server and client render the same text.
export const SERVER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
