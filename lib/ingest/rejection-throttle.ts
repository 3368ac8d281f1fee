// Throttles sources that keep sending requests we reject, and records rejected requests without letting a
// flood fill the disk. Two separate limits:
// - per source per minute, WEBHOOK_RATE_LIMIT rejections, beyond which the answer is 429;
// - per provider per UTC day, a storage budget (WEBHOOK_REJECTED_STORAGE_MB): rejected requests are stored
//   in full while it lasts — so a provider's own traffic refused during a misconfiguration (a wrong secret)
//   stays recoverable once the fix lands — and beyond it only counted, as one summary row per source and
//   minute.
// Only rejections made before verification come here: correctly signed traffic is never throttled.
// Per instance, in memory: a flood spread over instances is throttled a little later, which is fine.

export interface ThrottleDecision {
  /** Over the limit: answer 429 instead of 401/400/413/415/408. */
  throttled: boolean;
  /** Store this request's row in full (else it only counts towards its window's summary). */
  record: boolean;
}

export interface FloodSummary {
  key: string;
  source: string;
  provider: string;
  windowStart: Date;
  count: number;
}

interface Window {
  start: number;
  rejected: number;
  unrecorded: number;
  source: string;
  provider: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Sources tracked at once; beyond, the rest of a wide flood shares one window (memory stays bounded). */
const MAX_WINDOWS = 10_000;
const MANY_SOURCES = "(many sources)";

export class RejectionThrottle {
  private readonly windows = new Map<string, Window>();
  private readonly spent = new Map<string, { day: number; bytes: number }>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly budgetBytesPerDay: number,
    private readonly onSummary: (summary: FloodSummary) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** `bytes`: what storing this request in full would take. */
  noteRejection(provider: string, source: string | null, bytes: number): ThrottleDecision {
    const now = this.now();
    const window = this.windowOf(provider, source ?? "unknown", Math.floor(now / MINUTE) * MINUTE);
    window.rejected++;
    const record = this.spend(provider, Math.floor(now / DAY), bytes);
    if (!record) window.unrecorded++;
    return { throttled: this.limitPerMinute > 0 && window.rejected > this.limitPerMinute, record };
  }

  /** Emits summaries for windows that have ended; called on a timer and at shutdown (force). */
  sweep(force = false): void {
    const current = Math.floor(this.now() / MINUTE) * MINUTE;
    for (const [key, window] of this.windows) {
      if (force || window.start < current) {
        this.closeWindow(key, window);
        this.windows.delete(key);
      }
    }
  }

  private windowOf(provider: string, source: string, start: number): Window {
    let key = `${provider}|${source}`;
    if (!this.windows.has(key) && this.windows.size >= MAX_WINDOWS) {
      key = `${provider}|${MANY_SOURCES}`;
      source = MANY_SOURCES;
    }
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      if (window) this.closeWindow(key, window);
      window = { start, rejected: 0, unrecorded: 0, source, provider };
      this.windows.set(key, window);
    }
    return window;
  }

  private spend(provider: string, day: number, bytes: number): boolean {
    let budget = this.spent.get(provider);
    if (!budget || budget.day !== day) {
      budget = { day, bytes: 0 };
      this.spent.set(provider, budget);
    }
    if (budget.bytes + bytes > this.budgetBytesPerDay) return false;
    budget.bytes += bytes;
    return true;
  }

  private closeWindow(key: string, window: Window): void {
    if (window.unrecorded > 0) {
      this.onSummary({
        key,
        source: window.source,
        provider: window.provider,
        windowStart: new Date(window.start),
        count: window.unrecorded,
      });
    }
  }
}
