// QR codes for physical touchpoints (docs/distribution.md, "QR codes"): per touchpoint, the hosted survey link
// carrying the touchpoint and the channel, signed — /s/<publicId>?tp=<touchpoint id>&ch=qr&sig=<MAC> (qr-link.ts:
// only a signed link attributes an answer to the channel "qr") — as a printable sheet (SVG or
// PDF: qr-sheet.ts) for stores, receipts and service desks, and how many answers came through it.
//
// The survey is the one the caller names (any live survey of the organization), else the live survey linked to
// the touchpoint (the most recently changed, if several); with neither there is no link to print. Answers through
// the code are the responses at this touchpoint on the channel "qr", which the organization gets (named "QR
// code" in its language, lib/orgs/defaults.ts) the first time one of its QR codes is made (ensure-channel.ts); if it archived that channel, links carry
// no channel and answers through the code cannot be told from others at the touchpoint (the answer says so).
// A scan that leads to no answer leaves no trace: the hosted page records nothing until the person answers.
import { z } from "zod";
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { NotFoundError, ValidationError } from "../errors";
import { publicBaseUrl } from "../mail/transport";
import { ensureChannel } from "./ensure-channel";
import { qrChannelName } from "../orgs/defaults";
import { orgLocale } from "../orgs/settings-service";
import type { QrSheet } from "./qr-sheet";
import { QR_CHANNEL_KEY, qrLinkSignature } from "./qr-link";

const DAY_MS = 86_400_000;

export const touchpointQrQuery = z.strictObject({
  /** A live survey of the organization; default: the live survey linked to the touchpoint. */
  surveyId: z.string().trim().min(1).max(64).optional(),
  /** json: the link and the counts; svg or pdf: the printable A4 sheet. */
  format: z.enum(["json", "svg", "pdf"], { error: "json, svg or pdf" }).default("json"),
});

export type TouchpointQr = {
  touchpoint: { id: string; name: string; journey: { id: string; name: string }; stage: string };
  /** The live surveys the code can lead to; `linked`: linked to this touchpoint. */
  surveys: Array<{ id: string; name: string; linked: boolean }>;
  survey: { id: string; name: string; publicId: string } | null;
  /** The channel answers through the code are attributed to; null when the organization archived "qr". */
  channel: string | null;
  url: string | null;
  /** Answers through the code: all, completed, and in the last 30 days; null when there is no "qr" channel. */
  answers: { total: number; completed: number; last30Days: number } | null;
  sheet: QrSheet | null;
};

export async function touchpointQr(
  ctx: Ctx,
  touchpointId: string,
  surveyId?: string,
  now = new Date(),
): Promise<TouchpointQr> {
  const tp = await db.touchpoint.findFirst({
    where: { id: touchpointId, orgId: ctx.orgId },
    select: {
      id: true,
      name: true,
      journey: { select: { id: true, name: true } },
      stage: { select: { name: true } },
      org: { select: { name: true } },
    },
  });
  if (!tp) throw new NotFoundError("Touchpoint");
  const live = await db.survey.findMany({
    where: { orgId: ctx.orgId, status: "live" },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, publicId: true, touchpointId: true },
  });
  const survey = surveyId ? live.find((s) => s.id === surveyId) : live.find((s) => s.touchpointId === tp.id);
  if (surveyId && !survey)
    throw new ValidationError([{ name: "surveyId", reason: "No such live survey", in: "query" }]);
  const channel = await ensureChannel(db, ctx.orgId, QR_CHANNEL_KEY, qrChannelName(await orgLocale(ctx.orgId)));
  let url: string | null = null;
  if (survey) {
    const u = new URL(`/s/${encodeURIComponent(survey.publicId)}`, publicBaseUrl());
    u.searchParams.set("tp", tp.id);
    if (channel.active) {
      u.searchParams.set("ch", channel.key);
      u.searchParams.set("sig", qrLinkSignature(survey.publicId, tp.id, channel.key));
    }
    url = u.toString();
  }
  const at = { orgId: ctx.orgId, touchpointId: tp.id, channelId: channel.id };
  const [total, completed, last30Days] = channel.active
    ? await Promise.all([
        db.response.count({ where: at }),
        db.response.count({ where: { ...at, completed: true } }),
        db.response.count({ where: { ...at, submittedAt: { gte: new Date(now.getTime() - 30 * DAY_MS) } } }),
      ])
    : [0, 0, 0];
  return {
    touchpoint: { id: tp.id, name: tp.name, journey: tp.journey, stage: tp.stage.name },
    surveys: live.map((s) => ({ id: s.id, name: s.name, linked: s.touchpointId === tp.id })),
    survey: survey ? { id: survey.id, name: survey.name, publicId: survey.publicId } : null,
    channel: channel.active ? channel.key : null,
    url,
    answers: channel.active ? { total, completed, last30Days } : null,
    sheet: url
      ? { orgName: tp.org.name, touchpointName: tp.name, where: `${tp.journey.name} · ${tp.stage.name}`, url }
      : null,
  };
}

/** The sheet to print, or a 400 naming surveyId when there is no live survey to link to. */
export function sheetOf(qr: TouchpointQr): QrSheet {
  if (!qr.sheet)
    throw new ValidationError([
      { name: "surveyId", reason: "No live survey is linked to this touchpoint: choose one", in: "query" },
    ]);
  return qr.sheet;
}

/** "qr-checkout-desk.svg": a file name from the touchpoint's name. */
export function sheetFilename(qr: TouchpointQr, ext: "svg" | "pdf"): string {
  const slug = qr.touchpoint.name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60);
  return `qr-${slug || "touchpoint"}.${ext}`;
}
