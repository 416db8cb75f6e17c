// A record or page that is not there (or belongs to another organization), inside the app shell: the shell's
// <main> holds the message, so this page adds none of its own.
import { NotFoundMessage } from "@/components/shell/not-found-message";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <div className="py-12">
      <NotFoundMessage />
    </div>
  );
}
