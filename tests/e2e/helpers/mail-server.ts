// A server of a spec's own with e-mail: the same build and database as the suite's, with SMTP_URL pointing at a real
// SMTP sink on loopback (tests/integration/smtp-sink.ts). The suite's servers have no SMTP, which other specs rely on.
import { startServer, type RunningServer } from "../../server";
import { startSmtpSink, type SmtpSink } from "../../integration/smtp-sink";
import { e2eDatabaseUrl } from "./test";

export type MailServer = { server: RunningServer; sink: SmtpSink; stop: () => Promise<void> };

export async function startMailServer(env: Record<string, string> = {}): Promise<MailServer> {
  const sink = await startSmtpSink();
  const server = await startServer({
    databaseUrl: e2eDatabaseUrl(),
    env: {
      SMTP_URL: sink.url,
      DIGEST_TICK_SECONDS: "0",
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      ...env,
    },
  });
  return {
    server,
    sink,
    stop: async () => {
      await server.stop();
      await sink.stop();
    },
  };
}
