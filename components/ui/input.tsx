// A text input; pair it with <Label htmlFor> so it has an accessible name.
import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      className={cn(
        "h-9 w-full min-w-0 rounded-md border border-line bg-surface px-3 text-sm text-fg placeholder:text-muted",
        "aria-[invalid=true]:border-danger disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
