"use client";
// Pause, resume or cancel a campaign from its row.
import { changeCampaignStatusAction } from "@/app/_actions/campaigns";
import { ActionForm } from "@/components/ui/action-form";

export function CampaignControls({ id, name, status }: { id: string; name: string; status: string }) {
  if (status === "cancelled") return <span className="text-sm text-slate-700">—</span>;
  return (
    <div className="flex flex-wrap gap-2">
      {status === "active" ? (
        <ActionForm
          action={changeCampaignStatusAction.bind(null, id, "pause")}
          submitLabel="Pause"
          aria-label={`Pause ${name}`}
        />
      ) : (
        <ActionForm
          action={changeCampaignStatusAction.bind(null, id, "resume")}
          submitLabel="Resume"
          aria-label={`Resume ${name}`}
        />
      )}
      <ActionForm
        action={changeCampaignStatusAction.bind(null, id, "cancel")}
        submitLabel="Cancel"
        confirm={`Cancel “${name}” for good? E-mails not yet sent are dropped.`}
        variant="danger"
        aria-label={`Cancel ${name}`}
      />
    </div>
  );
}
