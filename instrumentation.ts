// Next.js calls register() once when a server instance starts. The weekly digest's scheduler runs in the
// Node.js runtime only, and only when an SMTP server is configured (docs/reports.md, "Weekly digest"). The webhook
// delivery worker runs in every instance unless WEBHOOK_WORKER=off (docs/webhooks.md, "Delivery"); so does the retention
// scheduler unless RETENTION_TICK_SECONDS=0 (docs/privacy.md, "Retention"), and the campaign worker unless
// CAMPAIGN_WORKER=off (docs/distribution.md), and the background jobs' worker unless JOBS_WORKER=off
// (docs/architecture.md, "Resumable jobs").
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Read replicas (DATABASE_REPLICA_URLS): a wrong setting stops the start; their lag is polled from now on
  // (docs/scaling.md, "Read replicas").
  const { startReplicaPolling } = await import("./lib/db-replica");
  startReplicaPolling();
  const { startWebhookWorker } = await import("./lib/webhooks/worker");
  startWebhookWorker();
  // Campaign waves and invitation e-mails: in every instance unless CAMPAIGN_WORKER=off (docs/distribution.md).
  const { startCampaignWorker } = await import("./lib/campaigns/worker");
  startCampaignWorker();
  // Resumable background jobs (attributing history to units …), each held by one instance at a time.
  const { startJobWorker } = await import("./lib/jobs/runner");
  startJobWorker();
  // The retention policy's daily job runs in every instance; a lease per organization and day makes it run once.
  const { startRetentionTicker } = await import("./lib/privacy/ticker");
  startRetentionTicker();
  if (!process.env.DIGEST_SMTP_URL && !process.env.SMTP_URL) return;
  const { startDigestTicker } = await import("./lib/digest/ticker");
  startDigestTicker();
}
