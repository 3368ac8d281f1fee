"use client";
// "Re-verify rejected requests": after fixing a secret or WEBHOOK_BASE_URL, the signature rejections of a
// time range (and provider) are checked again against the current configuration and those that now verify
// are processed. The run is in the background; this dialog polls its progress and then says how many
// passed, how many still fail and why, and which were not eligible.
import { RotateCcw } from "lucide-react";
import { useActionState, useEffect, useState } from "react";
import type { ReverifyState } from "@/app/(dashboard)/events/replay-actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { LabelledSelect } from "@/components/ui/labelled-select";
import type { ReplayRunView } from "@/lib/replay/reverify-run";
import { formatLogTime } from "@/lib/ui/format-time";
import { ReplayRunSummary } from "./replay-run-summary";

const POLL_MS = 1_000;

/** A datetime-local value (the browser's time zone) for `date`. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function isoOf(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

export function ReverifyDialog({
  action,
  initialRun,
  maxPerRun,
}: {
  action: (previous: ReverifyState, form: FormData) => Promise<ReverifyState>;
  initialRun: ReplayRunView | null;
  maxPerRun: number;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(action, { ok: false, message: "" });
  const [run, setRun] = useState(initialRun);
  // Controlled, so the choice survives the form's reset after each submission.
  const [provider, setProvider] = useState("");
  const [range, setRange] = useState(() => {
    const now = new Date();
    // Up to the next minute, so a request received a moment ago is inside the range.
    const to = new Date(now.getTime() + 60_000);
    return { from: localInput(new Date(now.getTime() - 24 * 3_600_000)), to: localInput(to) };
  });
  const running = run?.status === "running" || (state.ok && run?.id !== state.runId);

  useEffect(() => {
    if (!open || !running) return;
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch("/api/events/replay-runs/latest", { cache: "no-store" });
        if (response.ok && !stopped) setRun(((await response.json()) as { run: ReplayRunView | null }).run);
      } catch {
        // The next poll tries again.
      }
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [open, running]);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <RotateCcw className="size-4" aria-hidden />
          Re-verify rejected requests
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl">
        <DialogTitle>Re-verify rejected requests</DialogTitle>
        <DialogDescription>
          After fixing a signing secret or WEBHOOK_BASE_URL: the signature rejections of a time range are
          checked again against the current configuration, and those that now verify are processed (their
          effects count once). Resend&apos;s timestamp is checked against when each request arrived. At most{" "}
          {maxPerRun} requests per run.
        </DialogDescription>
        <form action={formAction} className="mt-4 space-y-3">
          <LabelledSelect
            id="reverify-provider"
            name="provider"
            label="Provider"
            value={provider}
            onChange={(e) => setProvider(e.target.value)}
          >
            <option value="">Twilio and Resend</option>
            <option value="twilio">Twilio</option>
            <option value="resend">Resend</option>
          </LabelledSelect>
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="flex flex-col gap-1">
              <Label htmlFor="reverify-from">From</Label>
              <Input
                id="reverify-from"
                type="datetime-local"
                required
                value={range.from}
                onChange={(e) => setRange({ ...range, from: e.target.value })}
              />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="reverify-to">To</Label>
              <Input
                id="reverify-to"
                type="datetime-local"
                required
                value={range.to}
                onChange={(e) => setRange({ ...range, to: e.target.value })}
              />
            </div>
          </div>
          <input type="hidden" name="from" value={isoOf(range.from)} />
          <input type="hidden" name="to" value={isoOf(range.to)} />
          {state.message && !state.ok && (
            <p role="alert" className="text-sm text-danger">
              {state.message}
            </p>
          )}
          <div className="flex justify-end">
            <Button type="submit" disabled={pending || running}>
              {pending ? "Starting…" : running ? "Running…" : "Re-verify"}
            </Button>
          </div>
        </form>
        <section aria-label="Latest re-verification" className="mt-4 border-t border-line pt-4">
          {run ? (
            <>
              <p className="mb-2 text-xs text-muted">
                Latest run, started {formatLogTime(run.startedAt)} by {run.startedBy}, for requests received{" "}
                {formatLogTime(run.rangeFrom)} – {formatLogTime(run.rangeTo)}
              </p>
              <ReplayRunSummary run={run} />
            </>
          ) : (
            <p className="text-sm text-muted">No re-verification has run yet.</p>
          )}
        </section>
      </DialogContent>
    </Dialog>
  );
}
