// Next.js calls register() once when a server instance starts. The weekly digest's scheduler runs in the
// Node.js runtime only, and only when an SMTP server is configured (README, "Weekly digest"). The webhook
// delivery worker runs in every instance unless WEBHOOK_WORKER=off (README, "Webhooks").
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startWebhookWorker } = await import("./lib/webhooks/worker");
  startWebhookWorker();
  if (!process.env.DIGEST_SMTP_URL && !process.env.SMTP_URL) return;
  const { startDigestTicker } = await import("./lib/digest/ticker");
  startDigestTicker();
}
