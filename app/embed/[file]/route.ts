// GET /embed/<version>.js – the embed script under its versioned, immutable URL (lib/surveys/embed-asset.ts).
import { versionedEmbedResponse } from "@/lib/surveys/embed-asset";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  return versionedEmbedResponse((await params).file);
}
