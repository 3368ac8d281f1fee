// Throttles sources that keep sending requests we reject, and records a flood without amplifying it:
// the first N rejections per source per minute are stored in full, the rest become one summary row.
// Correctly signed traffic never passes through here, so a genuine callback is never throttled.
// Per instance, in memory: a flood spread over instances is throttled a little later, which is fine.

export interface ThrottleDecision {
  /** Over the limit: answer 429 instead of 401/400. */
  throttled: boolean;
  /** Store this request's row in full (else it only counts towards the window's summary). */
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

export class RejectionThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly recordPerMinute: number,
    private readonly onSummary: (summary: FloodSummary) => void,
    private readonly now: () => number = Date.now,
  ) {}

  noteRejection(provider: string, source: string | null): ThrottleDecision {
    const key = `${provider}|${source ?? "unknown"}`;
    const start = Math.floor(this.now() / MINUTE) * MINUTE;
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      if (window) this.closeWindow(key, window);
      window = { start, rejected: 0, unrecorded: 0, source: source ?? "unknown", provider };
      this.windows.set(key, window);
    }
    window.rejected++;
    const record = window.rejected <= this.recordPerMinute;
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
