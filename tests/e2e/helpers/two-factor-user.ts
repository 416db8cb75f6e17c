// Creates a member for the two-factor spec, which turns two-factor on for it (the shared demo accounts stay
// as they are), and prints { email } as JSON. Run with tsx (DATABASE_URL = the e2e database), like
// embed-survey.ts.
//   … two-factor-user.ts            a new agent of the demo organization
//   … two-factor-user.ts --required a new organization that requires two-factor, with the user as its only member
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";

const id = randomUUID().slice(0, 8);
const required = process.argv[2] === "--required";
const org = required
  ? await db.organization.create({ data: { name: `Fjord Bank ${id}`, slug: `fjord-${id}`, requireTwoFactor: true } })
  : await db.organization.findFirstOrThrow({ where: { slug: "demo" }, select: { id: true } });
const email = `two-factor-${id}@demo.resonance.test`;
const user = await db.user.create({
  data: { email, name: "Tove Factor", passwordHash: await hashPassword("resonance-demo") },
});
await db.membership.create({
  data: { orgId: org.id, userId: user.id, role: required ? "admin" : "agent", source: "created" },
});
process.stdout.write(JSON.stringify({ email }));
await db.$disconnect();
