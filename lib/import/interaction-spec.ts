// The columns of an interaction CSV (import and export), in a module without I/O so the import screen can use
// it too.
import type { MappingSpec } from "./mapping";

export const INTERACTION_FIELDS = ["customer", "touchpoint", "channel", "occurredAt", "outcome", "emotion", "note", "staff", "clientId"] as const;

export const INTERACTION_SPEC: MappingSpec = {
  fields: INTERACTION_FIELDS,
  labels: {
    customer: "Customer (external id or e-mail)",
    touchpoint: "Touchpoint (id or Journey / Stage / Touchpoint)",
    channel: "Channel (key)",
    occurredAt: "Occurred at (ISO date-time)",
    outcome: "Outcome",
    emotion: "Emotion (−2..+2 or label)",
    note: "Note",
    staff: "Staff (member e-mail)",
    clientId: "Client id (idempotency key)",
  },
  synonyms: {
    customer: ["customer", "customerid", "externalid", "customerexternalid", "customeremail", "email"],
    touchpoint: ["touchpoint", "touchpointid", "touchpointname"],
    channel: ["channel", "channelkey"],
    occurredAt: ["occurredat", "date", "datetime", "timestamp", "time", "when"],
    outcome: ["outcome", "result"],
    emotion: ["emotion", "mood", "sentiment"],
    note: ["note", "notes", "comment", "description"],
    staff: ["staff", "staffemail", "agent", "agentemail", "user"],
    clientId: ["clientid", "idempotencykey", "interactionid", "id"],
  },
  required: ["customer", "occurredAt", "outcome"],
  attributes: false,
  requiredWhy: "every interaction needs one",
};
