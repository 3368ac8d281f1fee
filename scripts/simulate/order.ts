// The send order: messages interleaved at random, each message's events in the order they happened
// (or, with --out-of-order, permuted among the message's own slots: delivered before sent), then
// redeliveries a few requests after their original and bad requests scattered in between. A random
// interleaving rather than a sort by event time keeps both providers spread over the whole run.
import { BAD_KINDS, type BadKind } from "./bad-kinds";
import type { Provider } from "./lifecycle";
import type { PlanItem, SimEvent } from "./plan";
import type { Random } from "./random";

export interface ArrangeOptions {
  duplicates: number;
  bad: number;
  outOfOrder: boolean;
}

/** How far (in fresh events) a redelivery may trail its original. */
const MAX_REDELIVERY_LAG = 8;

export function arrange(
  events: SimEvent[],
  options: ArrangeOptions,
  random: Random,
  makeBad: (event: SimEvent, kind: BadKind) => PlanItem,
): PlanItem[] {
  const sequence = interleave(events, random);
  if (options.outOfOrder) scramble(sequence, random);

  // What follows each fresh event: redeliveries of earlier events and bad requests.
  const after: Array<Array<{ original: number } | { bad: SimEvent }>> = sequence.map(() => []);
  for (let i = 0; i < options.duplicates; i++) {
    const original = random.int(0, sequence.length - 1);
    after[Math.min(sequence.length - 1, original + random.int(0, MAX_REDELIVERY_LAG))].push({ original });
  }
  for (let i = 0; i < options.bad; i++) {
    after[random.int(0, sequence.length - 1)].push({ bad: random.pick(sequence) });
  }

  // Each provider's bad kinds in turn, from a random start, so a handful already covers them all.
  const nextKind = new Map<Provider, number>();
  const kindFor = (provider: Provider): BadKind => {
    const kinds = BAD_KINDS[provider];
    const turn = nextKind.get(provider) ?? random.int(0, kinds.length - 1);
    nextKind.set(provider, turn + 1);
    return kinds[turn % kinds.length];
  };

  const items: PlanItem[] = [];
  const itemOf: number[] = [];
  sequence.forEach((event, position) => {
    itemOf[position] = items.push({ kind: "event", event }) - 1;
    for (const extra of after[position]) {
      if ("original" in extra) {
        items.push({ kind: "duplicate", event: sequence[extra.original], original: itemOf[extra.original] });
      } else {
        items.push(makeBad(extra.bad, kindFor(extra.bad.message.provider)));
      }
    }
  });
  return items;
}

/** A random merge of the messages' event lists that keeps each list's own order. */
function interleave(events: SimEvent[], random: Random): SimEvent[] {
  const owners = random.shuffle(events.map((event) => event.message));
  const queues = new Map<SimEvent["message"], SimEvent[]>();
  for (const event of events) {
    const queue = queues.get(event.message);
    if (queue) queue.push(event);
    else queues.set(event.message, [event]);
  }
  for (const queue of queues.values()) queue.sort((a, b) => a.step - b.step);
  return owners.map((message) => queues.get(message)!.shift()!);
}

/** Permutes each message's events among the slots they occupy, never leaving a message in order. */
function scramble(sequence: SimEvent[], random: Random): void {
  const slots = new Map<SimEvent["message"], number[]>();
  sequence.forEach((event, position) => {
    const list = slots.get(event.message);
    if (list) list.push(position);
    else slots.set(event.message, [position]);
  });
  for (const positions of slots.values()) {
    if (positions.length < 2) continue;
    const own = positions.map((p) => sequence[p]);
    const shuffled = random.shuffle([...own]);
    if (shuffled.every((event, i) => event === own[i])) shuffled.push(shuffled.shift()!);
    positions.forEach((p, i) => {
      sequence[p] = shuffled[i];
    });
  }
}
