// next-auth configuration: e-mail + password (bcrypt hashes), stateless JWT sessions so that any number
// of web instances can serve any request. The session only names the user; the organization and role
// are looked up on every request (lib/auth/ctx.ts), so a role change or removal takes effect at once.
// Failed sign-ins are throttled per account and per client in the database (sign-in-throttle.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyCredentials } from "../users/service";
import { throttledSignIn } from "./sign-in-throttle";

const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(1).max(200) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        // A lockout throws: next-auth then reports its message as the sign-in error.
        return throttledSignIn(email, req?.headers, () => verifyCredentials(email, password));
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
