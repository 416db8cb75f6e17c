import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/shell/not-found-message";

export async function generateMetadata() {
  const t = await getTranslations("errors.notFound");
  return { title: t("title") };
}

export default function NotFound() {
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <NotFoundMessage />
    </main>
  );
}
