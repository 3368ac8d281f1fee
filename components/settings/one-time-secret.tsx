"use client";
// A value shown once (an invitation link, a new API key): selectable, copyable, and said to be shown once.
import { CopyButton } from "@/components/ui/copy-button";

export function OneTimeSecret({
  message,
  value,
  testId,
}: {
  message?: string;
  value: string;
  testId: string;
}) {
  return (
    <div role="status" className="mt-3 rounded-md border border-success/40 bg-success-soft p-3 text-sm">
      {message && <p className="mb-2">{message}</p>}
      <div className="flex items-center gap-2">
        <code
          data-testid={testId}
          className="min-w-0 flex-1 rounded bg-surface px-2 py-1 break-all select-all"
        >
          {value}
        </code>
        <CopyButton value={value} label="Copy the value shown once" />
      </div>
    </div>
  );
}
