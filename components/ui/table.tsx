// Table parts. TableContainer scrolls sideways on a phone instead of squeezing the columns; give it an
// aria-label when the table has no caption.
import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

export function TableContainer({ className, ...props }: ComponentProps<"div">) {
  // Focusable, so a keyboard user can scroll a wide table sideways (arrow keys) on a narrow screen.
  return <div tabIndex={0} className={cn("w-full overflow-x-auto", className)} {...props} />;
}

export function Table({ className, ...props }: ComponentProps<"table">) {
  return <table className={cn("w-full border-collapse text-sm", className)} {...props} />;
}

export function TableHead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("text-left text-xs text-muted", className)} {...props} />;
}

export function TableBody(props: ComponentProps<"tbody">) {
  return <tbody {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("border-b border-line last:border-0", className)} {...props} />;
}

export function TableHeaderCell({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th scope={scope} className={cn("px-3 py-2 text-left align-top font-medium", className)} {...props} />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-2 align-top", className)} {...props} />;
}
