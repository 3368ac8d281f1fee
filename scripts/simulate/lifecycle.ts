// One message's life as its provider reports it, built from the seeded PRNG (pure: no clock, no I/O).
// Twilio: [queued, only through a Messaging Service] → sending → sent → delivered | undelivered, or failed;
// sometimes `sent` is the last word (no carrier receipt). Resend: sent → delivered → opened → clicked, or
// bounced, complained, delivery_delayed, suppressed, failed. Offsets are from the message's creation.
import {
  bounceDetails,
  clickDetails,
  emailSubject,
  CATEGORIES,
  FAILED_ERROR_CODES,
  FAILED_REASONS,
  fictionalEmail,
  fictionalPhone,
  SUPPRESSED,
  UNDELIVERED_ERROR_CODES,
  type Bounce,
  type Click,
} from "./fiction";
import type { Random } from "./random";

export type Provider = "twilio" | "resend";

export type TwilioOutcome = "delivered" | "undelivered" | "failed" | "sent";
export type ResendOutcome =
  | "delivered"
  | "opened"
  | "clicked"
  | "delayed"
  | "bounced_permanent"
  | "bounced_temporary"
  | "complained"
  | "suppressed"
  | "failed"
  | "scheduled";

export interface TwilioMessage {
  provider: "twilio";
  externalId: string; // MessageSid
  recipient: string;
  messagingServiceSid: string | null;
  outcome: TwilioOutcome;
  errorCode: string | null;
}

export interface ResendMessage {
  provider: "resend";
  externalId: string; // email_id
  recipient: string;
  subject: string;
  rfcMessageId: string;
  /** Resend's tags object: `category`, plus `campaign` with --campaign. */
  tags: Record<string, string>;
  broadcastId: string | null;
  outcome: ResendOutcome;
}

export type SimMessage = TwilioMessage | ResendMessage;

export interface ResendExtras {
  bounce?: Bounce;
  click?: Click;
  failed?: { reason: string };
  suppressed?: { message: string; type: string };
}

export interface Step {
  /** Twilio MessageStatus, or Resend event type (`email.delivered`). */
  status: string;
  offsetMs: number;
  extras?: ResendExtras;
}

export interface Lifecycle {
  message: SimMessage;
  steps: Step[];
}

/** The most status callbacks one SMS produces: queued, sending, sent, then delivered or undelivered. */
export const MAX_TWILIO_STEPS = 4;

const TWILIO_OUTCOMES = [
  ["delivered", 70],
  ["undelivered", 14],
  ["sent", 10],
  ["failed", 6],
] as const;
const RESEND_OUTCOMES = [
  ["delivered", 30],
  ["opened", 22],
  ["clicked", 15],
  ["bounced_permanent", 8],
  ["delayed", 5],
  ["scheduled", 5],
  ["bounced_temporary", 4],
  ["complained", 4],
  ["suppressed", 4],
  ["failed", 3],
] as const;
/** Outcomes after which more opens and clicks are natural. */
const ENGAGED: ReadonlySet<ResendOutcome> = new Set([
  "delivered",
  "opened",
  "clicked",
  "delayed",
  "scheduled",
]);

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export function newTwilioMessage(random: Random): TwilioMessage {
  const outcome = random.weighted(TWILIO_OUTCOMES);
  return {
    provider: "twilio",
    externalId: "SM" + random.hex(32),
    recipient: fictionalPhone(random),
    messagingServiceSid: random.chance(0.5) ? "MG" + random.hex(32) : null,
    outcome,
    errorCode:
      outcome === "undelivered"
        ? random.pick(UNDELIVERED_ERROR_CODES)
        : outcome === "failed"
          ? random.pick(FAILED_ERROR_CODES)
          : null,
  };
}

export function twilioSteps(message: TwilioMessage, random: Random): Step[] {
  const steps: Step[] = [];
  let at = random.int(20, 200);
  const add = (status: string, delayMs: number) => steps.push({ status, offsetMs: (at += delayMs) });
  // No callback reports the initial status, except `queued` when a Messaging Service accepted the message.
  if (message.messagingServiceSid) add("queued", 0);
  if (message.outcome === "failed") {
    add("failed", random.int(100, 2 * SECOND));
    return steps;
  }
  add("sending", random.int(100, 800));
  add("sent", random.int(200, 1500));
  if (message.outcome !== "sent") add(message.outcome, random.int(2 * SECOND, 30 * SECOND));
  return steps;
}

/** The same message made as long as an SMS life gets: through a Messaging Service, up to a receipt. */
export function longestTwilioLifecycle(message: TwilioMessage, random: Random): Lifecycle {
  const outcome = message.outcome === "undelivered" ? "undelivered" : "delivered";
  const upgraded: TwilioMessage = {
    ...message,
    outcome,
    messagingServiceSid: message.messagingServiceSid ?? "MG" + random.hex(32),
    errorCode: outcome === "undelivered" ? (message.errorCode ?? random.pick(UNDELIVERED_ERROR_CODES)) : null,
  };
  return { message: upgraded, steps: twilioSteps(upgraded, random) };
}

export function newResendMessage(random: Random, outcome?: ResendOutcome): ResendMessage {
  return {
    provider: "resend",
    externalId: random.uuid(),
    recipient: fictionalEmail(random),
    subject: emailSubject(random),
    rfcMessageId: `<${random.hex(16)}-${random.hex(8)}@email.example.com>`,
    tags: { category: random.pick(CATEGORIES) },
    broadcastId: null,
    outcome: outcome ?? random.weighted(RESEND_OUTCOMES),
  };
}

export function resendSteps(message: ResendMessage, random: Random): Step[] {
  const steps: Step[] = [];
  let at = random.int(100, 400);
  const add = (type: string, delayMs: number, extras?: ResendExtras) =>
    steps.push({ status: `email.${type}`, offsetMs: (at += delayMs), ...(extras && { extras }) });
  const opened = () => add("opened", random.int(2 * MINUTE, 6 * HOUR));

  switch (message.outcome) {
    case "failed":
      add("failed", 0, { failed: { reason: random.pick(FAILED_REASONS) } });
      return steps;
    case "suppressed":
      add("suppressed", 0, { suppressed: { ...SUPPRESSED } });
      return steps;
    case "bounced_permanent":
      add("sent", 0);
      add("bounced", random.int(SECOND, 4 * SECOND), { bounce: bounceDetails(random, "Permanent") });
      return steps;
    case "bounced_temporary":
      add("sent", 0);
      add("delivery_delayed", random.int(5 * MINUTE, 30 * MINUTE));
      add("bounced", random.int(HOUR, 12 * HOUR), { bounce: bounceDetails(random, "Temporary") });
      return steps;
    case "scheduled":
      add("scheduled", 0);
      add("sent", random.int(10 * MINUTE, 2 * HOUR));
      break;
    case "delayed":
      add("sent", 0);
      add("delivery_delayed", random.int(5 * MINUTE, 30 * MINUTE));
      break;
    default:
      add("sent", 0);
  }
  add(
    "delivered",
    message.outcome === "delayed" ? random.int(10 * MINUTE, 2 * HOUR) : random.int(SECOND, 5 * SECOND),
  );
  if (message.outcome === "opened" || message.outcome === "clicked") opened();
  if (message.outcome === "clicked") {
    add("clicked", random.int(5 * SECOND, 2 * MINUTE), { click: clickDetails(random) });
  }
  if (message.outcome === "complained") {
    if (random.chance(0.6)) opened();
    add("complained", random.int(10 * MINUTE, 12 * HOUR));
  }
  return steps;
}

export function canEngageMore(lifecycle: Lifecycle): boolean {
  return lifecycle.message.provider === "resend" && ENGAGED.has(lifecycle.message.outcome);
}

/** Another open (or a click after an open): one email can report many; each has its own svix-id. */
export function addEngagement(lifecycle: Lifecycle, random: Random): void {
  const last = lifecycle.steps[lifecycle.steps.length - 1];
  const afterOpen = last.status === "email.opened" || last.status === "email.clicked";
  if (afterOpen && random.chance(0.4)) {
    const offsetMs = last.offsetMs + random.int(5 * SECOND, 2 * MINUTE);
    lifecycle.steps.push({ status: "email.clicked", offsetMs, extras: { click: clickDetails(random) } });
  } else {
    lifecycle.steps.push({ status: "email.opened", offsetMs: last.offsetMs + random.int(MINUTE, 3 * HOUR) });
  }
}

export function newLifecycle(provider: Provider, random: Random): Lifecycle {
  if (provider === "twilio") {
    const message = newTwilioMessage(random);
    return { message, steps: twilioSteps(message, random) };
  }
  return newResendLifecycle(random);
}

export function newResendLifecycle(random: Random, outcome?: ResendOutcome): Lifecycle {
  const message = newResendMessage(random, outcome);
  return { message, steps: resendSteps(message, random) };
}
