// The one paragraph a support person reads first on a message's page, and could repeat to a customer:
// what happened ("Not delivered: message filtered (30007)"), why, and whether sending again can help.
import type { ErrorExplanation } from "../status/error-codes";
import { isTerminal } from "../status/rank";
import { describeAdvice, describeStatus, STUCK_MEANING, type StatusTone } from "../status/status-meaning";

export interface OutcomeFacts {
  channel: string;
  status: string;
  explanation: ErrorExplanation | null;
  /** No final status STUCK_AFTER_HOURS after sending. */
  stuck: boolean;
}

export interface Outcome {
  headline: string;
  explanation: string;
  /** Whether and how to retry; null when there is nothing to do. */
  advice: string | null;
  tone: StatusTone;
  docsUrl: string | null;
}

export function describeOutcome(f: OutcomeFacts): Outcome {
  const status = describeStatus(f.channel, f.status);
  if (f.explanation) {
    const e = f.explanation;
    return {
      headline: `${status.label}: ${lowerFirst(e.title)} (${e.code})`,
      explanation: e.explanation,
      advice: describeAdvice(e.advice, e.retryable),
      tone: status.tone === "success" ? "warning" : status.tone === "danger" ? "danger" : "warning",
      docsUrl: e.docsUrl,
    };
  }
  if (f.stuck) {
    return {
      headline: `Stuck: ${lowerFirst(status.label)}, no final status yet`,
      explanation: `${status.meaning} ${STUCK_MEANING}`,
      advice:
        f.channel === "email"
          ? "Look the email up in the Resend dashboard; if Resend shows it delivered, its webhook did not reach us."
          : "Look the message up in the Twilio console; if Twilio shows a final status, its callback did not reach us.",
      tone: "warning",
      docsUrl: null,
    };
  }
  const channel = f.channel === "email" ? "email" : "sms";
  return {
    headline: status.label,
    explanation: status.meaning,
    advice:
      isTerminal(channel, f.status) || f.status === "registered"
        ? null
        : "Nothing to do yet: the provider reports again when it knows more.",
    tone: status.tone,
    docsUrl: null,
  };
}

// Titles are written for a heading ("Message filtered"); inside a sentence they read lower-case, except
// where they start with a name or a code ("Twilio error 30500", "'To' number…").
function lowerFirst(title: string): string {
  return /^[A-Z][a-z]/.test(title) && !/^(Twilio|Resend|MMS|WhatsApp|US)\b/.test(title)
    ? title[0].toLowerCase() + title.slice(1)
    : title;
}

/** No final status `stuckAfterHours` after sending: the callback may never have come. */
export function isStuck(
  m: { channel: string; status: string; sentAt: string },
  stuckAfterHours: number,
  now = new Date(),
): boolean {
  const channel = m.channel === "email" ? "email" : "sms";
  return !isTerminal(channel, m.status) && now.getTime() - Date.parse(m.sentAt) > stuckAfterHours * 3_600_000;
}
