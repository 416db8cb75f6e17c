import { route } from "@/lib/http/handler";
import { caseSettingsUpdateSchema, getCaseSettings, updateCaseSettings } from "@/lib/cases/settings-service";

// GET /api/v1/case-settings – the rules that open cases and the root-cause list
export const GET = route({ role: "agent", scope: "org" }, ({ ctx }) => getCaseSettings(ctx));

// PUT /api/v1/case-settings – { rules?, rootCauses? } (managers and admins; audited)
export const PUT = route({ role: "manager", scope: "org", body: caseSettingsUpdateSchema }, ({ ctx, body }) =>
  updateCaseSettings(ctx, body),
);
