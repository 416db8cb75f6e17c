// Creates an agent of the demo organization (or, with an argument, another role: "manager", "admin") whose saved
// language is German (User.locale = "de"), for the German UI spec (the shared demo accounts keep English), and prints
// { email } as JSON. Run with tsx (DATABASE_URL = the e2e database), like two-factor-user.ts.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";

const id = randomUUID().slice(0, 8);
const org = await db.organization.findFirstOrThrow({ where: { slug: "demo" }, select: { id: true } });
const email = `deutsch-${id}@demo.resonance.test`;
const user = await db.user.create({
  data: { email, name: "Greta Krause", locale: "de", passwordHash: await hashPassword("resonance-demo") },
});
const role = process.argv[2] ?? "agent";
await db.membership.create({ data: { orgId: org.id, userId: user.id, role, source: "created" } });
process.stdout.write(JSON.stringify({ email }));
await db.$disconnect();
