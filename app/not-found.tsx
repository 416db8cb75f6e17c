import { NotFoundMessage } from "@/components/shell/not-found-message";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <NotFoundMessage />
    </main>
  );
}
