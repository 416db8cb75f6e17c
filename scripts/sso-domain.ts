// `npm run sso-domain -- <verify|unverify|list> …`: the operator's word on an organization's single sign-on
// domains, for a server that cannot query public DNS or a company that cannot publish the TXT record
// (lib/sso/domains.ts). DATABASE_URL and NEXTAUTH_SECRET as for `npm start`.
//   verify   --org <slug> <domain>   the domain signs in through that organization's connection (audited)
//   unverify --org <slug> <domain>   withdraws it (audited)
//   list     --org <slug>            the connection's domains and their status
import { db } from "../lib/db";
import { AppError, ValidationError } from "../lib/errors";
import { domainsOf, domainStatuses, unverifyDomainByOperator, verifyDomainByOperator } from "../lib/sso/domains";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};

async function main(): Promise<number> {
  const org = flag("--org");
  const [command, domain] = args;
  if (!org || !["verify", "unverify", "list"].includes(command) || (command !== "list" && !domain)) {
    console.error(
      "usage: npm run sso-domain -- verify|unverify --org <organization slug> <domain>\n       npm run sso-domain -- list --org <organization slug>",
    );
    return 2;
  }
  if (command === "verify") {
    const status = await verifyDomainByOperator(org, domain);
    console.log(`sso-domain: ${status.domain} is verified for ${org}`);
  } else if (command === "unverify") {
    const removed = await unverifyDomainByOperator(org, domain);
    console.log(
      removed
        ? `sso-domain: ${domain} is no longer verified for ${org}`
        : `sso-domain: ${domain} was not verified for ${org}`,
    );
  } else {
    const row = await db.organization.findUnique({
      where: { slug: org },
      select: { id: true, ssoConnection: { select: { allowedDomains: true } } },
    });
    if (!row?.ssoConnection) {
      console.error(`sso-domain: ${org} has no single sign-on connection`);
      return 1;
    }
    for (const s of await domainStatuses(row.id, domainsOf(row.ssoConnection))) {
      console.log(
        `${s.domain}\t${s.verified ? `verified (${s.method})` : `not verified: TXT ${s.record.name} "${s.record.value}"`}`,
      );
    }
  }
  return 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error: unknown) => {
    if (error instanceof ValidationError)
      console.error(`sso-domain: ${(error.invalidParams ?? []).map((p) => p.reason).join("; ")}`);
    else if (error instanceof AppError) console.error(`sso-domain: ${error.message}`);
    else console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
