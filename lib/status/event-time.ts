// Time helpers for status events. An unparseable date (Invalid Date) is treated as unknown, so one bad
// payload cannot make comparisons return NaN and break the order-independence of the derivation.
import type { StatusEvent } from "./types";

function knownTime(date: Date | null | undefined): number | null {
  const time = date?.getTime();
  return time === undefined || Number.isNaN(time) ? null : time;
}

/** The time a milestone is dated by: the provider's event time, else when we received it (SMS). */
export function eventTime(event: Pick<StatusEvent, "occurredAt" | "receivedAt">): Date | null {
  if (knownTime(event.occurredAt) !== null) return event.occurredAt;
  return knownTime(event.receivedAt) !== null ? (event.receivedAt as Date) : null;
}

/** Orders times with an unknown time before every known one. */
export function compareTimes(a: Date | null, b: Date | null): number {
  const ta = knownTime(a);
  const tb = knownTime(b);
  if (ta === null || tb === null) return (ta === null ? 0 : 1) - (tb === null ? 0 : 1);
  return ta - tb;
}

/** The earlier of two times; an unknown time never replaces a known one. */
export function earliest(a: Date | null, b: Date | null): Date | null {
  if (knownTime(b) === null) return a;
  if (knownTime(a) === null) return b;
  return compareTimes(b, a) < 0 ? b : a;
}
