// What a page or panel shows when there is nothing yet: what would be here, and how to get it there.
import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

export function EmptyState({
  title,
  children,
  icon,
  action,
  className,
}: {
  title: string;
  children?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "flex flex-col items-center gap-2 rounded-lg border border-dashed border-line px-6 py-10 text-center",
        className,
      )}
    >
      {icon && (
        <div className="text-muted [&_svg]:size-8" aria-hidden>
          {icon}
        </div>
      )}
      <h2 className="text-base font-semibold">{title}</h2>
      {children && <div className="max-w-prose text-sm text-muted">{children}</div>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
