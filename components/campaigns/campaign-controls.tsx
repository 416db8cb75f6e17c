"use client";
// Pause, resume or cancel a campaign from its row.
import { useTranslations } from "next-intl";
import { changeCampaignStatusAction } from "@/app/_actions/campaigns";
import { ActionForm } from "@/components/ui/action-form";

export function CampaignControls({ id, name, status }: { id: string; name: string; status: string }) {
  const t = useTranslations("surveys.campaigns.controls");
  if (status === "cancelled") return <span className="text-sm text-slate-700">—</span>;
  return (
    <div className="flex flex-wrap gap-2">
      {status === "active" ? (
        <ActionForm
          action={changeCampaignStatusAction.bind(null, id, "pause")}
          submitLabel={t("pause")}
          aria-label={t("pauseLabel", { name })}
        />
      ) : (
        <ActionForm
          action={changeCampaignStatusAction.bind(null, id, "resume")}
          submitLabel={t("resume")}
          aria-label={t("resumeLabel", { name })}
        />
      )}
      <ActionForm
        action={changeCampaignStatusAction.bind(null, id, "cancel")}
        submitLabel={t("cancel")}
        confirm={t("cancelConfirm", { name })}
        variant="danger"
        aria-label={t("cancelLabel", { name })}
      />
    </div>
  );
}
