// How --count splits into fresh events, redeliveries and bad requests, and how the fresh events and
// --messages split between the providers. Impossible combinations are refused with the fix, up front.
import { MAX_TWILIO_STEPS, type Provider } from "./lifecycle";

export class PlanError extends Error {}

export interface BudgetInput {
  count: number;
  providers: readonly Provider[];
  /** null: about three events per message. */
  messages: number | null;
  duplicates: number;
  bad: number;
}

export interface ProviderBudget {
  provider: Provider;
  events: number;
  messages: number;
}

export interface Budget {
  fresh: number;
  duplicates: number;
  bad: number;
  perProvider: ProviderBudget[];
}

const AUTO_EVENTS_PER_MESSAGE = 3;

export function planBudget({ count, providers, messages, duplicates, bad }: BudgetInput): Budget {
  const badCount = Math.round(count * bad);
  const duplicateCount = Math.round(count * duplicates);
  const fresh = count - badCount - duplicateCount;
  if (fresh < providers.length) {
    throw new PlanError(
      `--count ${count} with --duplicates ${duplicates} and --bad ${bad} leaves ${Math.max(fresh, 0)} fresh event(s); ` +
        `at least ${providers.length} are needed: raise --count or lower the fractions`,
    );
  }
  const events = splitEvenly(fresh, providers.length);
  const messageCounts =
    messages === null
      ? events.map((n) => Math.ceil(n / AUTO_EVENTS_PER_MESSAGE))
      : splitMessages(messages, events, fresh);

  const perProvider = providers.map((provider, i) => ({
    provider,
    events: events[i],
    messages: messageCounts[i],
  }));
  for (const { provider, events: n, messages: m } of perProvider) {
    if (provider === "twilio" && n > m * MAX_TWILIO_STEPS) {
      throw new PlanError(
        `${n} Twilio status callbacks need at least ${Math.ceil(n / MAX_TWILIO_STEPS)} SMS messages ` +
          `(each has at most ${MAX_TWILIO_STEPS}: queued, sending, sent, delivered); raise --messages`,
      );
    }
  }
  return { fresh, duplicates: duplicateCount, bad: badCount, perProvider };
}

function splitEvenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function splitMessages(messages: number, events: number[], fresh: number): number[] {
  if (messages < events.length) {
    throw new PlanError(`--messages ${messages} is too few: each provider needs at least one message`);
  }
  if (messages > fresh) {
    throw new PlanError(
      `--messages ${messages} is more than the ${fresh} fresh events: every message needs at least one event`,
    );
  }
  const counts = events.map((n) => Math.min(n, Math.max(1, Math.round((messages * n) / fresh))));
  // Rounding may leave a few over or under: give or take them where an event count allows.
  let rest = messages - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % counts.length) {
    if (rest > 0 && counts[i] < events[i]) {
      counts[i]++;
      rest--;
    } else if (rest < 0 && counts[i] > 1) {
      counts[i]--;
      rest++;
    }
  }
  return counts;
}
