// A record or page that is not there (or belongs to another organization), inside the app shell: the shell's
// <main> holds the message, so this page adds none of its own.
import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/shell/not-found-message";

export async function generateMetadata() {
  const t = await getTranslations("errors.notFound");
  return { title: t("title") };
}

export default function NotFound() {
  return (
    <div className="py-12">
      <NotFoundMessage />
    </div>
  );
}
