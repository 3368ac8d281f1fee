// Forward-only paging for cursor-paginated lists: back to the first page, on to the next one. Plain links,
// so paging works before JavaScript loads and every page has its own address.
import { ChevronRight, ChevronsLeft } from "lucide-react";
import Link from "next/link";
import { Button } from "./button";

export function CursorPagination({
  firstHref,
  nextHref,
  nextLabel = "Older",
  label,
}: {
  /** Null on the first page. */
  firstHref: string | null;
  /** Null on the last page. */
  nextHref: string | null;
  nextLabel?: string;
  label: string;
}) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-2">
      {firstHref ? (
        <Button asChild variant="secondary" size="sm">
          <Link href={firstHref}>
            <ChevronsLeft className="size-4" aria-hidden />
            Newest
          </Link>
        </Button>
      ) : (
        <span />
      )}
      {nextHref && (
        <Button asChild variant="secondary" size="sm">
          <Link href={nextHref} rel="next">
            {nextLabel}
            <ChevronRight className="size-4" aria-hidden />
          </Link>
        </Button>
      )}
    </nav>
  );
}
