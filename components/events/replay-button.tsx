"use client";
// Replays one stored request from its inspector. The answer (outcome, or why it could not) is announced in
// place, with a link to the replay's own row.
import Link from "next/link";
import { useActionState } from "react";
import type { ReplayState } from "@/app/(dashboard)/events/replay-actions";
import { Button } from "@/components/ui/button";

export function ReplayButton({
  requestId,
  verifiesNow,
  action,
}: {
  requestId: string;
  /** A rejected request is verified again against the current configuration first. */
  verifiesNow: boolean;
  action: (previous: ReplayState, form: FormData) => Promise<ReplayState>;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false, message: "" });
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? "Replaying…" : verifiesNow ? "Re-verify and replay" : "Replay"}
      </Button>
      <p role="status" data-testid="replay-result" className={state.ok ? "text-sm" : "text-sm text-danger"}>
        {state.message}{" "}
        {state.replayId && (
          <Link href={`/events/${state.replayId}`} className="text-accent underline">
            Open the replay
          </Link>
        )}
      </p>
    </form>
  );
}
