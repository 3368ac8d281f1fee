// The first thing on a message's page: what happened, why, and whether to send again — in plain words.
import { ExternalLink } from "lucide-react";
import type { Outcome } from "@/lib/messages/describe-outcome";
import { cn } from "@/lib/ui/cn";

const TONE = {
  neutral: "border-line bg-surface",
  info: "border-accent/40 bg-accent-soft",
  success: "border-success/40 bg-success-soft",
  warning: "border-warning/40 bg-warning-soft",
  danger: "border-danger/40 bg-danger-soft",
} as const;

export function OutcomeCard({ outcome }: { outcome: Outcome }) {
  return (
    <section
      aria-labelledby="outcome-title"
      className={cn("rounded-lg border p-5", TONE[outcome.tone])}
      data-testid="outcome"
    >
      <h2 id="outcome-title" className="text-lg font-semibold">
        {outcome.headline}
      </h2>
      <p className="mt-1 text-sm">{outcome.explanation}</p>
      {outcome.advice && <p className="mt-2 text-sm font-medium">{outcome.advice}</p>}
      {outcome.docsUrl && (
        <a
          href={outcome.docsUrl}
          className="mt-2 inline-flex items-center gap-1 text-sm text-accent underline underline-offset-2"
          rel="noreferrer"
          target="_blank"
        >
          The provider&apos;s page about this error
          <ExternalLink className="size-3.5" aria-hidden />
          <span className="sr-only">(opens in a new tab)</span>
        </a>
      )}
    </section>
  );
}
