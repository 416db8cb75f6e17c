"use client";
// Pause, resume or delete a trigger from its row. The built-in re-survey can be paused, not deleted.
import { useTranslations } from "next-intl";
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
  const tr = useTranslations("surveys.triggers.controls");
  return (
    <div className="flex flex-wrap gap-2">
      {t.status === "active" ? (
        <ActionForm
          action={changeTriggerStatusAction.bind(null, t.id, "paused")}
          submitLabel={tr("pause")}
          aria-label={tr("pauseLabel", { name: t.name })}
        />
      ) : (
        <ActionForm
          action={changeTriggerStatusAction.bind(null, t.id, "active")}
          submitLabel={tr("resume")}
          aria-label={tr("resumeLabel", { name: t.name })}
        />
      )}
      {t.builtIn || t.canDelete === false ? null : (
        <ActionForm
          action={deleteTriggerAction.bind(null, t.id)}
          submitLabel={tr("delete")}
          confirm={tr("deleteConfirm", { name: t.name })}
          variant="danger"
          aria-label={tr("deleteLabel", { name: t.name })}
        />
      )}
    </div>
  );
}
