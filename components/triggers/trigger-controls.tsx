"use client";
// Pause, resume or delete a trigger from its row. The built-in re-survey can be paused, not deleted.
import { changeTriggerStatusAction, deleteTriggerAction } from "@/app/_actions/triggers";
import { ActionForm } from "@/components/ui/action-form";

export function TriggerControls(t: {
  id: string;
  name: string;
  status: string;
  builtIn: boolean;
  /** Its own page leaves deleting to the list (a deleted trigger has no page to come back to). */
  canDelete?: boolean;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {t.status === "active" ? (
        <ActionForm
          action={changeTriggerStatusAction.bind(null, t.id, "paused")}
          submitLabel="Pause"
          aria-label={`Pause ${t.name}`}
        />
      ) : (
        <ActionForm
          action={changeTriggerStatusAction.bind(null, t.id, "active")}
          submitLabel="Resume"
          aria-label={`Resume ${t.name}`}
        />
      )}
      {t.builtIn || t.canDelete === false ? null : (
        <ActionForm
          action={deleteTriggerAction.bind(null, t.id)}
          submitLabel="Delete"
          confirm={`Delete “${t.name}”? E-mails it has not sent yet are dropped.`}
          variant="danger"
          aria-label={`Delete ${t.name}`}
        />
      )}
    </div>
  );
}
