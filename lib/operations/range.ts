// The ranges the operations page covers: the last hour, day or week, ending with the current step. The
// rollup is per minute; the chart sums it into steps so every preset has a readable number of points.
export const OPERATIONS_PRESETS = ["1h", "24h", "7d"] as const;
export type OperationsPreset = (typeof OPERATIONS_PRESETS)[number];
export const DEFAULT_OPERATIONS_PRESET: OperationsPreset = "24h";

const MINUTE = 60_000;

export interface OperationsRange {
  preset: OperationsPreset;
  /** Inclusive, on a step boundary. */
  from: Date;
  /** Exclusive: the end of the step that holds `now`. */
  until: Date;
  stepMinutes: number;
  /** How the chart names one step: "minute", "10 minutes", "hour". */
  stepLabel: string;
}

const PRESETS: Record<OperationsPreset, { minutes: number; stepMinutes: number; stepLabel: string }> = {
  "1h": { minutes: 60, stepMinutes: 1, stepLabel: "minute" },
  "24h": { minutes: 24 * 60, stepMinutes: 10, stepLabel: "10 minutes" },
  "7d": { minutes: 7 * 24 * 60, stepMinutes: 60, stepLabel: "hour" },
};

export function resolveOperationsRange(preset: OperationsPreset, now: Date): OperationsRange {
  const { minutes, stepMinutes, stepLabel } = PRESETS[preset];
  const step = stepMinutes * MINUTE;
  // Steps are aligned on UTC multiples (as date_bin counts them in the database).
  const until = new Date(Math.floor(now.getTime() / step) * step + step);
  return { preset, from: new Date(until.getTime() - minutes * MINUTE), until, stepMinutes, stepLabel };
}
