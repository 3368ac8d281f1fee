"use client";
// The error state of every route segment: says what happened in plain words and offers a retry. The
// digest lets an operator find the server-side log line; the error's own message is not shown (it may
// carry internals).
import { RotateCw, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-danger/40 bg-danger-soft p-5">
      <h1 className="flex items-center gap-2 text-lg font-semibold">
        <TriangleAlert className="size-5 text-danger" aria-hidden />
        This page could not be loaded
      </h1>
      <p className="mt-2 text-sm">
        Something went wrong on the server — often the database is briefly unavailable. Try again in a moment.
      </p>
      {error.digest && (
        <p className="mt-1 text-xs text-muted">
          Reference for the server log: <code>{error.digest}</code>
        </p>
      )}
      <Button className="mt-4" variant="secondary" onClick={reset}>
        <RotateCw className="size-4" aria-hidden />
        Try again
      </Button>
    </div>
  );
}
