// next-auth's endpoints (sign-in, sign-out, session, CSRF). The options are built per request: cookies are
// Secure with the __Secure- prefix when the request came over TLS (lib/auth/options.ts).
import NextAuth from "next-auth";
import { authOptionsFor, secureCookiesFor } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: Context) {
  return NextAuth(req as never, context as never, authOptionsFor(secureCookiesFor(req.headers)));
}
export { handler as GET, handler as POST };
