// Creates a new agent of the demo organization with the demo password, for the two-factor spec (which turns
// two-factor on for it: the shared demo accounts stay as they are). Prints { email } as JSON. Run with tsx
// (DATABASE_URL = the e2e database), like embed-survey.ts.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";

const org = await db.organization.findFirstOrThrow({ where: { slug: "demo" }, select: { id: true } });
const email = `two-factor-${randomUUID().slice(0, 8)}@demo.resonance.test`;
const user = await db.user.create({ data: { email, name: "Tove Factor", passwordHash: await hashPassword("resonance-demo") } });
await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "agent", source: "created" } });
process.stdout.write(JSON.stringify({ email }));
await db.$disconnect();
