// What the sending application may send us, validated at the edge (zod), with messages that say what to fix.
import { z } from "zod";
import { PROVIDERS } from "../providers/types";
import { EMAIL_PATTERN, PHONE_PATTERN, normalizeRecipient } from "./recipients";

export const providerSchema = z.enum(PROVIDERS);

export const registerMessageSchema = z
  .object({
    channel: z.enum(["sms", "email"]),
    to: z.string().trim().min(1).max(320),
    from: z.string().trim().min(1).max(320).optional(),
    subject: z.string().max(998).optional(),
    campaign: z.string().trim().min(1).max(200).optional(),
    tags: z.record(z.string().max(256), z.string().max(256)).optional(),
    provider: providerSchema.optional(),
    externalId: z.string().trim().min(1).max(255).optional(),
    sentAt: z.iso.datetime({ offset: true }).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    /** The body's equivalent of the Idempotency-Key header (per item in a batch). */
    idempotencyKey: z.string().trim().min(1).max(255).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const to = normalizeRecipient(m.channel, m.to);
    if (m.channel === "sms" && !PHONE_PATTERN.test(to)) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "must be an E.164 number such as +14155550100 (or whatsapp:/rcs: followed by one)",
      });
    }
    if (m.channel === "email" && !EMAIL_PATTERN.test(to)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must be an email address" });
    }
    if (m.provider && (m.provider === "twilio") !== (m.channel === "sms")) {
      ctx.addIssue({ code: "custom", path: ["provider"], message: "twilio sends sms, resend sends email" });
    }
  });

export type RegisterMessageInput = z.infer<typeof registerMessageSchema>;

export const registerBatchSchema = z.object({ messages: z.array(z.unknown()).min(1).max(1000) }).strict();

export const externalIdSchema = z
  .object({ provider: providerSchema, externalId: z.string().trim().min(1).max(255) })
  .strict();

export const sendFailedSchema = z
  .object({ code: z.string().trim().min(1).max(64), message: z.string().max(2000).optional() })
  .strict();

export function defaultProvider(channel: "sms" | "email"): "twilio" | "resend" {
  return channel === "sms" ? "twilio" : "resend";
}
