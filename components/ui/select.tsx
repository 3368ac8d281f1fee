// A native <select>: it works in a plain <form> (server actions, GET filters) without JavaScript, and
// phones show their own picker. Use it unless a design truly needs a custom listbox.
import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "h-9 rounded-md border border-line bg-surface px-2.5 pr-8 text-sm text-fg disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
