import { route } from "@/lib/http/handler";
import { listChannels } from "@/lib/journeys/service";

// GET /api/v1/channels – the organization's channels
export const GET = route({ role: "viewer", scope: "unit" }, ({ ctx }) => listChannels(ctx));
