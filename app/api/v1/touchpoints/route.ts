import { route } from "@/lib/http/handler";
import { listTouchpoints } from "@/lib/journeys/service";

// GET /api/v1/touchpoints – every active touchpoint with its journey, stage, channel and promise
export const GET = route({ role: "viewer" }, ({ ctx }) => listTouchpoints(ctx));
