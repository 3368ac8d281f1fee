// Reads a text/event-stream body as a browser would: frames of id / event / data.
import { expect, vi } from "vitest";

export interface SseEvent {
  id?: string;
  event: string;
  data: unknown;
}

export function readSse(body: ReadableStream<Uint8Array>) {
  const events: SseEvent[] = [];
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let ended = false;
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return void (ended = true);
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const fields = Object.fromEntries(
          block
            .split("\n")
            .filter((l) => l && !l.startsWith(":"))
            .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trimStart()]),
        );
        if (fields.data !== undefined)
          events.push({ id: fields.id, event: fields.event ?? "message", data: JSON.parse(fields.data) });
      }
    }
  })();
  return {
    events,
    get ended() {
      return ended;
    },
    of: (name: string) => events.filter((e) => e.event === name),
    async waitFor(name: string, count = 1) {
      await vi.waitFor(
        () => expect(events.filter((e) => e.event === name).length).toBeGreaterThanOrEqual(count),
        {
          timeout: 10_000,
        },
      );
      return events.filter((e) => e.event === name);
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}
