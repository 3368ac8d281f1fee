// One bulk re-verification as a person reads it: progress while it runs, then how many passed, how many
// still fail and why, and which were not eligible and why.
import type { ReplayRunView } from "@/lib/replay/reverify-run";

const PROVIDER_NAMES: Record<string, string> = { twilio: "Twilio", resend: "Resend" };

export function ReplayRunSummary({ run }: { run: ReplayRunView }) {
  const running = run.status === "running";
  const scope = `${run.provider ? PROVIDER_NAMES[run.provider] : "Twilio and Resend"} signature rejections`;
  return (
    <div className="space-y-3 text-sm" data-testid="reverify-run" data-status={run.status}>
      <div aria-live="polite" className="space-y-1">
        <p data-testid="reverify-progress">
          {running ? "Checking" : statusWords(run.status)}: {run.processed} of {run.selected} {scope}
          {running ? "…" : "."}
        </p>
        <progress
          className="h-2 w-full accent-accent"
          max={Math.max(run.selected, 1)}
          value={run.processed}
          aria-label="Re-verification progress"
        />
      </div>
      <dl className="grid grid-cols-3 gap-2 text-center">
        <Count label="Passed and processed" value={run.passed} testId="reverify-passed" />
        <Count label="Still failing" value={run.stillFailing} testId="reverify-still-failing" />
        <Count label="Not eligible" value={run.ineligible} testId="reverify-ineligible" />
      </dl>
      <Reasons title="Why they still fail" reasons={run.reasons.stillFailing} />
      <Reasons title="Why they are not eligible" reasons={run.reasons.ineligible} />
      {run.moreLeft && !running && (
        <p>More rejected requests are left in this range: run it again for the next ones.</p>
      )}
      {run.error && <p className="text-danger">{run.error}</p>}
    </div>
  );
}

function statusWords(status: string): string {
  switch (status) {
    case "finished":
      return "Done";
    case "stopped":
      return "Stopped";
    case "abandoned":
      return "Abandoned";
    default:
      return "Failed";
  }
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-md border border-line p-2">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function Reasons({ title, reasons }: { title: string; reasons: Record<string, number> }) {
  const entries = Object.entries(reasons).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return null;
  return (
    <div>
      <p className="font-medium">{title}</p>
      <ul className="list-disc pl-5">
        {entries.map(([reason, n]) => (
          <li key={reason}>
            {n} × {reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
