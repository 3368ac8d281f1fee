// A small dot and word for the database: which kind, and whether it answers. Colour is a hint; the
// text says the state, and the tooltip the details.
import { Tooltip } from "@/components/ui/tooltip";
import type { ShellStatus } from "@/lib/queries/get-shell-status";
import { cn } from "@/lib/ui/cn";

const LABELS = { up: "Database up", starting: "Database starting", down: "Database down" } as const;

export function DatabaseIndicator({ database }: { database: ShellStatus["database"] }) {
  const kind =
    database.kind === "pglite" ? "embedded PGlite" : database.kind === "postgres" ? "PostgreSQL" : null;
  const detail = [kind, database.state === "down" ? "webhooks are answered with 503 until it returns" : null]
    .filter(Boolean)
    .join(" — ");
  return (
    <Tooltip content={detail || LABELS[database.state]}>
      <span
        tabIndex={0}
        data-testid="database-indicator"
        data-state={database.state}
        className="inline-flex h-7 items-center gap-1.5 rounded-full border border-line px-2 text-xs text-muted"
      >
        <span
          aria-hidden
          className={cn(
            "size-2 rounded-full",
            database.state === "up" && "bg-success",
            database.state === "starting" && "bg-warning",
            database.state === "down" && "bg-danger",
          )}
        />
        {/* On a phone the dot alone stays visible; the words remain for screen readers. */}
        <span className="sr-only sm:not-sr-only sm:whitespace-nowrap">{LABELS[database.state]}</span>
        {kind && <span className="hidden whitespace-nowrap lg:inline">· {kind}</span>}
      </span>
    </Tooltip>
  );
}
