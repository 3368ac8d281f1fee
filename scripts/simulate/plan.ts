// The whole run, decided up front from the seed (pure: `now` is an input): which messages exist, which
// of their events are sent in which order, which are redelivered and which bad requests are mixed in.
// Signing happens later, at send time, so Svix timestamps are current however long the run takes.
import type { BadKind } from "./bad-kinds";
import { planBudget, type BudgetInput, type ProviderBudget } from "./budget";
import {
  addEngagement,
  canEngageMore,
  longestTwilioLifecycle,
  newLifecycle,
  newResendLifecycle,
  type Lifecycle,
  type Provider,
  type ResendExtras,
  type SimMessage,
} from "./lifecycle";
import { arrange } from "./order";
import { CAMPAIGNS } from "./fiction";
import { createRandom, type Random } from "./random";

export interface PlanInput extends BudgetInput {
  seed: string;
  outOfOrder: boolean;
  campaign: string | null;
  now: Date;
  /** Messages are sent over this many past days (0: in the last minutes); their events come now. */
  days?: number;
}

export type PlannedMessage = SimMessage & { createdAt: Date; campaign: string };

export interface SimEvent {
  message: PlannedMessage;
  /** Position in the message's lifecycle (0 = first reported). */
  step: number;
  status: string;
  at: Date;
  /** I-Twilio-Idempotency-Token or svix-id: the same on a redelivery. */
  deliveryId: string;
  extras?: ResendExtras;
}

export type PlanItem =
  | { kind: "event"; event: SimEvent }
  | { kind: "duplicate"; event: SimEvent; original: number }
  | { kind: "bad"; event: SimEvent; bad: BadKind; deliveryId: string; salt: string };

export interface Plan {
  seed: string;
  messages: PlannedMessage[];
  items: PlanItem[];
  fresh: number;
  duplicates: number;
  bad: number;
}

export function buildPlan(input: PlanInput): Plan {
  const budget = planBudget(input);
  const random = createRandom(input.seed);
  const broadcastId = input.campaign ? random.uuid() : null;
  // Streams of their own, so campaigns and send days leave every other seeded choice as it was.
  const extra = {
    campaigns: createRandom(`${input.seed}:campaigns`),
    days: createRandom(`${input.seed}:days`),
  };
  const messages: PlannedMessage[] = [];
  const events: SimEvent[] = [];
  for (const share of budget.perProvider) {
    for (const lifecycle of fitLifecycles(share, random)) {
      const message = anchor(lifecycle, input, broadcastId, random, extra);
      messages.push(message);
      lifecycle.steps.forEach((step, index) =>
        events.push({
          message,
          step: index,
          status: step.status,
          at: new Date(message.createdAt.getTime() + step.offsetMs),
          deliveryId: newDeliveryId(message.provider, random),
          ...(step.extras && { extras: step.extras }),
        }),
      );
    }
  }
  const items = arrange(events, { ...budget, outOfOrder: input.outOfOrder }, random, (event, kind) => ({
    kind: "bad",
    event,
    bad: kind,
    deliveryId: newDeliveryId(event.message.provider, random),
    salt: random.hex(32),
  }));
  return {
    seed: input.seed,
    messages,
    items,
    fresh: budget.fresh,
    duplicates: budget.duplicates,
    bad: budget.bad,
  };
}

export function newDeliveryId(provider: Provider, random: Random): string {
  return provider === "twilio" ? random.uuid() : "msg_" + random.base62(27);
}

/** Exactly `events` steps over `messages` lifecycles, each a valid prefix of a real message's life. */
function fitLifecycles({ provider, events, messages }: ProviderBudget, random: Random): Lifecycle[] {
  const lifecycles = Array.from({ length: messages }, () => newLifecycle(provider, random));
  const total = () => lifecycles.reduce((n, l) => n + l.steps.length, 0);
  if (provider === "twilio") {
    // Too few callbacks: the shortest lives become full ones (Messaging Service, carrier receipt).
    const byLength = lifecycles
      .map((_, i) => i)
      .sort((a, b) => lifecycles[a].steps.length - lifecycles[b].steps.length);
    for (const i of byLength) {
      if (total() >= events) break;
      lifecycles[i] = longestTwilioLifecycle(
        lifecycles[i].message as Extract<SimMessage, { provider: "twilio" }>,
        random,
      );
    }
  } else if (total() < events) {
    // Too few email events: engaged emails are opened and clicked again, as real ones are.
    if (!lifecycles.some(canEngageMore)) lifecycles[0] = newResendLifecycle(random, "opened");
    const engaged = lifecycles.filter(canEngageMore);
    for (let i = 0; total() < events; i++) addEngagement(engaged[i % engaged.length], random);
  }
  // Too many: every message keeps a prefix of its life (it is still in flight), shared round-robin.
  const keep = lifecycles.map(() => 0);
  for (let left = events; left > 0;) {
    for (let i = 0; i < lifecycles.length && left > 0; i++) {
      if (keep[i] < lifecycles[i].steps.length) {
        keep[i]++;
        left--;
      }
    }
  }
  lifecycles.forEach((l, i) => l.steps.splice(keep[i]));
  return lifecycles;
}

/** Places the message in the recent past so its last kept event happened just before the run. */
function anchor(
  lifecycle: Lifecycle,
  input: PlanInput,
  broadcastId: string | null,
  random: Random,
  extra: { campaigns: Random; days: Random },
): PlannedMessage {
  const last = lifecycle.steps[lifecycle.steps.length - 1].offsetMs;
  const recent = random.int(5_000, 20 * 60_000);
  const past = input.days ? extra.days.int(0, input.days * 24 * 3_600_000) : 0;
  const createdAt = new Date(input.now.getTime() - last - recent - past);
  const { message } = lifecycle;
  const campaign = input.campaign ?? extra.campaigns.pick(CAMPAIGNS[message.provider]);
  if (message.provider === "twilio") return { ...message, createdAt, campaign };
  return {
    ...message,
    tags: { ...message.tags, campaign },
    broadcastId: input.campaign ? broadcastId : null,
    createdAt,
    campaign,
  };
}
