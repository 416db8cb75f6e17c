// A viewer API key for the benchmarks, stored the way lib/api-keys stores keys (sha256 of the whole key).
// Idempotent, so that a reused benchmark database keeps working.
import type { Db } from "../../lib/db";
import { sha256 } from "../../lib/auth/tokens";

export async function benchViewerKey(db: Db, orgId: string): Promise<string> {
  const admin = await db.membership.findFirstOrThrow({ where: { orgId, role: "admin" } });
  const key = `rsn_benchbench_${"k".repeat(32)}`;
  await db.apiKey.upsert({
    where: { prefix: "benchbench" },
    create: {
      orgId,
      name: "bench",
      prefix: "benchbench",
      keyHash: sha256(key),
      role: "viewer",
      createdById: admin.userId,
    },
    update: {},
  });
  return key;
}
