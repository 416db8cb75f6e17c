// A DNS server on loopback for the tests (UDP, dns-packet for the wire format): answers TXT queries from a table
// the test fills, NXDOMAIN for anything else. The app reaches it through RESONANCE_DNS_SERVERS
// (lib/sso/domains.ts), so domain verification runs its real lookup without the internet.
import dgram from "node:dgram";
import * as packet from "dns-packet";

export type TestDns = {
  port: number;
  /** Publishes (or with [] removes) the TXT strings at a name. */
  setTxt(name: string, values: string[]): void;
  /** How many queries arrived (per lower-case name). */
  queries(name: string): number;
  stop(): Promise<void>;
};

export async function startDnsServer(port = 0): Promise<TestDns> {
  const txt = new Map<string, string[]>();
  const seen = new Map<string, number>();
  const socket = dgram.createSocket("udp4");
  socket.on("message", (message, remote) => {
    let query: packet.Packet;
    try {
      query = packet.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase().replace(/\.$/, "");
    seen.set(name, (seen.get(name) ?? 0) + 1);
    const values = txt.get(name) ?? [];
    const answers: packet.Answer[] =
      question.type === "TXT"
        ? values.map((v) => ({ type: "TXT", name: question.name, ttl: 5, class: "IN", data: v }))
        : [];
    const reply = packet.encode({
      id: query.id,
      type: "response",
      // Authoritative answer and recursion available; NXDOMAIN (rcode 3) when the name is unknown.
      flags:
        packet.AUTHORITATIVE_ANSWER | packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | (txt.has(name) ? 0 : 3),
      questions: [question],
      answers,
    });
    socket.send(reply, remote.port, remote.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(port, "127.0.0.1", () => resolve());
  });
  return {
    port: socket.address().port,
    setTxt(name, values) {
      const key = name.toLowerCase().replace(/\.$/, "");
      if (values.length) txt.set(key, values);
      else txt.delete(key);
    },
    queries: (name) => seen.get(name.toLowerCase()) ?? 0,
    stop: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
