// zod shapes for Resend webhook bodies (docs/providers.md). Objects stay loose: Resend adds fields
// without notice, and whatever we do not map is kept in NormalizedEvent.details.

import { z } from "zod";

/** Outbound email events we track; `email.received` (inbound) is deliberately not in this list. */
export const TRACKED_EMAIL_EVENT_TYPES = [
  "email.sent",
  "email.scheduled",
  "email.delivered",
  "email.delivery_delayed",
  "email.complained",
  "email.bounced",
  "email.opened",
  "email.clicked",
  "email.failed",
  "email.suppressed",
] as const;

export type TrackedEmailEventType = (typeof TRACKED_EMAIL_EVENT_TYPES)[number];

export function isTrackedEmailEventType(type: string): type is TrackedEmailEventType {
  return (TRACKED_EMAIL_EVENT_TYPES as readonly string[]).includes(type);
}

/** All that every event must have; enough to acknowledge and record families we do not track. */
export const envelopeSchema = z.looseObject({
  type: z.string().min(1),
  data: z.unknown().optional(),
});

const text = z.string().nullish();
const tagValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** Documented as an object; the array-of-{name,value} form is the one used when sending. */
const tagsSchema = z
  .union([z.record(z.string(), tagValue), z.array(z.object({ name: z.string(), value: tagValue }))])
  .transform((tags) => (Array.isArray(tags) ? Object.fromEntries(tags.map((t) => [t.name, t.value])) : tags));

const emailDataSchema = z
  .looseObject({
    // No event carries data.id today; it is accepted as a fallback for older or hand-made payloads.
    email_id: z.string().min(1).optional(),
    id: z.string().min(1).optional(),
    created_at: text,
    message_id: text,
    from: text,
    to: z.union([z.array(z.string()), z.string().transform((to) => [to])]).nullish(),
    subject: text,
    broadcast_id: text,
    template_id: text,
    tags: tagsSchema.nullish(),
    bounce: z.looseObject({ type: text, subType: text, message: text }).nullish(),
    click: z.looseObject({ link: text, ipAddress: text, userAgent: text, timestamp: text }).nullish(),
    failed: z.looseObject({ reason: text }).nullish(),
    suppressed: z.looseObject({ message: text, type: text }).nullish(),
  })
  .refine((data) => data.email_id !== undefined || data.id !== undefined, {
    message: "Required: data.email_id (or data.id) identifies the email",
    path: ["email_id"],
  });

export const emailEventSchema = z.looseObject({
  type: z.enum(TRACKED_EMAIL_EVENT_TYPES),
  created_at: z.iso
    .datetime({ offset: true })
    .refine(isPlausibleEventTime, "must be a date from 1970 to 9999 (the event time is out of range)"),
  data: emailDataSchema,
});

/** Year 0000 is valid ISO 8601 but no date in PostgreSQL, and no provider event predates 1970. */
function isPlausibleEventTime(value: string): boolean {
  const year = new Date(value).getUTCFullYear();
  // Unparsable is reported by the datetime check itself, once.
  return Number.isNaN(year) || (year >= 1970 && year <= 9999);
}

export type EmailEvent = z.infer<typeof emailEventSchema>;
export type EmailEventData = EmailEvent["data"];
