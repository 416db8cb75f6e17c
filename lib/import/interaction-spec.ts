// The columns of an interaction CSV (import and export), in a module without I/O so the import screen can use
// it too.
import type { MappingSpec } from "./mapping";

export const INTERACTION_FIELDS = [
  "customer",
  "touchpoint",
  "channel",
  "occurredAt",
  "outcome",
  "emotion",
  "note",
  "staff",
  "clientId",
] as const;

export const INTERACTION_SPEC: MappingSpec = {
  fields: INTERACTION_FIELDS,
  labels: {
    customer: "Customer",
    touchpoint: "Touchpoint",
    channel: "Channel",
    occurredAt: "Occurred at",
    outcome: "Outcome",
    emotion: "Emotion",
    note: "Note",
    staff: "Staff e-mail",
    clientId: "Client id",
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
