// Sends one logged interaction (POST /api/v1/interactions) and records the outcome on its "Just logged" entry:
// saved, or failed with the API's reason (or the connection's) so that Retry can resend the same clientId.
import { updatePending, type Pending } from "./pending-interactions";

export async function sendInteraction(entry: Pending) {
  updatePending((list) =>
    list.map((p) => (p.clientId === entry.clientId ? { ...p, status: "saving", message: undefined } : p)),
  );
  let status: Pending["status"] = "failed";
  let message = "Not saved: the connection failed. Your entry is kept; retry when you are back online.";
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
      message = `Not saved: ${problem?.invalid_params?.map((p) => `${p.name}: ${p.reason}`).join("; ") || problem?.detail || `error ${res.status}`}`;
    }
  } catch {
    /* network error: keep the entry for a retry */
  }
  updatePending((list) =>
    list.map((p) =>
      p.clientId === entry.clientId ? { ...p, status, message: status === "saved" ? undefined : message } : p,
    ),
  );
}
