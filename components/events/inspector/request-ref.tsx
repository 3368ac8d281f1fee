// Another stored request, named by when it arrived and linked to its inspector (duplicate chains, replays).
import Link from "next/link";
import type { RequestLink } from "@/lib/queries/get-request";
import { formatLogTime } from "@/lib/ui/format-time";

export function RequestRef({ link }: { link: RequestLink }) {
  return (
    <Link href={`/events/${link.id}`} className="text-accent underline">
      {formatLogTime(link.receivedAt)}
    </Link>
  );
}
