// Overwrites an audience's stored definition with one that no longer parses, as a hand edit or a schema change
// would leave it, for the audiences spec. Run with tsx (DATABASE_URL = the e2e database):
//   … break-audience.ts <audience id>
import { db } from "@/lib/db";

const id = process.argv[2];
await db.audience.update({
  where: { id },
  data: {
    definition: {
      criteria: [{ type: "attribute", key: "tenureMonths", op: "equals", valueType: "number", value: "eighteen" }],
    },
  },
});
process.exit(0);
