// Seeds the fresh database of many-instances.test.ts (run with tsx and DATABASE_URL set to it): an organization
// from the test factory (with its units), a weekly digest due now, a retention policy with responses past
// it, and a survey on the touchpoint. Prints what the test needs as one JSON line.
import { db } from "@/lib/db";
import { updateDigestSettings } from "@/lib/digest/settings-service";
import { updateRetentionSettings } from "@/lib/privacy/retention";
import { createOrg } from "../../factories";
import { createSurvey } from "../../factories/surveys";

/** How many answers older than the retention policy (the test says). */
const PAST_RETENTION = Number(process.env.PAST_RETENTION ?? 40);

async function main() {
  const org = await createOrg("many");
  const admin = org.ctx("admin");
  const survey = await createSurvey(org.orgId, { touchpointId: org.ids.touchpoint });
  const now = new Date();
  await updateDigestSettings(admin, {
    enabled: true,
    weekday: now.getUTCDay(),
    hour: now.getUTCHours(),
    recipientsMode: "custom",
    recipients: [org.users.manager.id],
  });
  await updateRetentionSettings(admin, { enabled: true, months: 12, mode: "delete" });
  const old = new Date(now.getTime() - 400 * 86_400_000);
  await db.response.createMany({
    data: Array.from({ length: PAST_RETENTION }, (_, i) => ({
      orgId: org.orgId,
      surveyId: survey.id,
      clientId: `old-${i}`,
      metric: "nps",
      score: i % 11,
      category: i % 11 >= 9 ? "promoter" : i % 11 >= 7 ? "passive" : "detractor",
      completed: true,
      submittedAt: old,
      createdAt: old,
    })),
  });
  console.log(
    JSON.stringify({
      orgId: org.orgId,
      keys: org.keys,
      managerEmail: org.users.manager.email,
      touchpointId: org.ids.touchpoint,
      storeId: org.ids.unit,
      survey,
    }),
  );
  await db.$disconnect();
}

void main();
