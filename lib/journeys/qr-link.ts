// The QR link of a touchpoint (docs/distribution.md, "QR codes"): /s/<publicId>?tp=<touchpoint id>&ch=qr&sig=<MAC>.
// The MAC (linkMac in lib/campaigns/link-token.ts, the key of every signed link, under the label "qr link") binds
// the survey, the touchpoint and the channel, so only a code the organization printed can attribute an answer to
// the channel "qr" — the channel whose answers the touchpoint's QR page counts. A response that claims the channel
// "qr" without a valid signature (a hand-made link, a POST to the public API) keeps the answer but drops the claim:
// it is stored as an answer to an ordinary link (the survey's own touchpoint, the channel "web"). Any other
// channel and an unsigned touchpoint are read as before (the hosted link and the widget name them unsigned).
import { linkMac, linkMacMatches } from "../campaigns/link-token";

export const QR_CHANNEL_KEY = "qr";
const LABEL = "qr link";
const payload = (publicId: string, touchpointId: string, channel: string) => `${publicId}\n${touchpointId}\n${channel}`;

/** The signature of a survey's QR link for a touchpoint and channel. */
export function qrLinkSignature(publicId: string, touchpointId: string, channel: string = QR_CHANNEL_KEY): string {
  return linkMac(LABEL, payload(publicId, touchpointId, channel));
}

type Attribution = { touchpointId?: string; channel?: string };

/**
 * The touchpoint and channel a response may be attributed to: a claim of the channel "qr" only with the signature
 * of that survey, touchpoint and channel; otherwise the claim (touchpoint and channel both) is dropped.
 */
export function verifiedAttribution<T extends Attribution>(
  publicId: string,
  input: T,
  signature: string | undefined,
): T {
  if (input.channel !== QR_CHANNEL_KEY) return input;
  const signed =
    !!input.touchpointId &&
    !!signature &&
    linkMacMatches(LABEL, payload(publicId, input.touchpointId, input.channel), signature);
  if (signed) return input;
  const { touchpointId: _tp, channel: _ch, ...rest } = input;
  return rest as T;
}
