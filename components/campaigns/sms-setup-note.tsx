// The note on the campaigns and triggers pages when something sends by SMS and the server has no SMS provider.
export function SmsSetupNote() {
  return (
    <p role="note" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      SMS is not set up on this server (<code className="font-mono">SMS_PROVIDER</code>, see docs/operations.md), so SMS
      invitations wait in the outbox until it is.
    </p>
  );
}
