import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { sheetFilename, sheetOf, touchpointQr, touchpointQrQuery } from "@/lib/journeys/qr";
import { sheetPdf, sheetSvg } from "@/lib/journeys/qr-sheet";

// GET /api/v1/touchpoints/:id/qr – the touchpoint's QR code: the hosted survey link carrying the touchpoint and the
// channel "qr", and the answers that came through it (format=json, the default); format=svg or pdf: the printable
// A4 sheet. surveyId: a live survey (default: the one linked to the touchpoint). Managers and admins.
export const GET = route(
  { role: "manager", scope: "org", params: idParams, query: touchpointQrQuery },
  async ({ ctx, params, query }) => {
    const qr = await touchpointQr(ctx, params.id, query.surveyId);
    if (query.format === "json") {
      const { sheet: _sheet, ...rest } = qr;
      return rest;
    }
    const sheet = sheetOf(qr);
    const [body, type] =
      query.format === "svg"
        ? [sheetSvg(sheet), "image/svg+xml; charset=utf-8"]
        : [new Uint8Array(sheetPdf(sheet)), "application/pdf"];
    return new Response(body, {
      headers: {
        "content-type": type,
        "content-disposition": `inline; filename="${sheetFilename(qr, query.format)}"`,
        "cache-control": "private, no-store",
        // an SVG opened on its own runs no script and loads nothing
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      },
    });
  },
);
