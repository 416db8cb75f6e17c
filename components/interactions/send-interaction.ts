// Sends one logged interaction (POST /api/v1/interactions) and records the outcome on its "Just logged" entry:
// saved, or failed with the API's reason (or the connection's) so that Retry can resend the same clientId. The
// failure is kept as data and worded when shown, in the page's language (pending-interactions.tsx).
import { updatePending, type Failure, type Pending } from "./pending-interactions";

export async function sendInteraction(entry: Pending) {
  updatePending((list) =>
    list.map((p) =>
      p.clientId === entry.clientId ? { ...p, status: "saving", message: undefined, failure: undefined } : p,
    ),
  );
  let status: Pending["status"] = "failed";
  let failure: Failure = { kind: "connection" };
  try {
    const res = await fetch("/api/v1/interactions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(entry.body),
    });
    if (res.ok) status = "saved";
    else {
      const problem = (await res.json().catch(() => null)) as {
        detail?: string;
        invalid_params?: Array<{ name: string; reason: string }>;
      } | null;
      failure = {
        kind: "refused",
        status: res.status,
        detail: problem?.detail,
        params: problem?.invalid_params?.map((p) => ({ name: p.name, reason: p.reason })),
      };
    }
  } catch {
    /* network error: keep the entry for a retry */
  }
  updatePending((list) =>
    list.map((p) =>
      p.clientId === entry.clientId ? { ...p, status, failure: status === "saved" ? undefined : failure } : p,
    ),
  );
}
