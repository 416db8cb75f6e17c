// The response rate of invitations beside a metric's n (docs/metrics.md, "Response rate of invitations"): of the
// invitations to this metric's surveys delivered in the period, how many customers answered. Shown only where it
// is defined and invitations were delivered; the tile's n counts every answer, invited or not, so the line says
// what its base is.
import { formatResponseRate, type ResponseRate } from "@/lib/metrics";
import { formatCount } from "../ui/format";

export function InvitationRate({ rate }: { rate: ResponseRate }) {
  return (
    <p className="text-sm text-slate-700" data-testid="invitation-rate">
      Response rate <span className="font-medium text-slate-900 tabular-nums">{formatResponseRate(rate)}</span>:{" "}
      {formatCount(rate.answered)} of {formatCount(rate.delivered)} invited customers answered
    </p>
  );
}
