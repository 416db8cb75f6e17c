// Preloaded into a test server (`node --import tests/fake-dns.mjs`, see webhooks.test.ts): answers the lookups of
// two names under the reserved .test domain, so that the outbound guard's connect-time check (lib/net/outbound.ts)
// is tested through a real name resolution without a DNS server. Every other name resolves as usual.
//   loopback.resonance.test → 127.0.0.1 always
//   rebind.resonance.test   → a public address on the first lookup (the check at save time), 127.0.0.1 after
//                             (the connection): DNS rebinding.
import dns from "node:dns";

const real = dns.lookup;
const seen = new Map();
const answers = {
  "loopback.resonance.test": () => "127.0.0.1",
  "rebind.resonance.test": (n) => (n === 0 ? "93.184.215.14" : "127.0.0.1"),
};

dns.lookup = function lookup(hostname, options, callback) {
  if (typeof options === "function") [callback, options] = [options, {}];
  if (typeof options === "number") options = { family: options };
  const answer = answers[String(hostname).replace(/\.$/, "")];
  if (!answer) return real.call(dns, hostname, options, callback);
  const n = seen.get(hostname) ?? 0;
  seen.set(hostname, n + 1);
  const address = answer(n);
  process.nextTick(() => (options?.all ? callback(null, [{ address, family: 4 }]) : callback(null, address, 4)));
};
