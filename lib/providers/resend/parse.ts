// Turns a verified Resend body into one NormalizedEvent (outbound email events) or an IgnoredEvent
// (inbound mail and every other family). Only a body we cannot read at all is an error.

import type { z } from "zod";
import { jsonDepthExceeds, MAX_JSON_DEPTH } from "../json-depth";
import type { IgnoredEvent, NormalizedEvent, ParseResult } from "../types";
import { emailEventSchema, envelopeSchema, isTrackedEmailEventType, type EmailEvent } from "./schema";

export interface ParseResendEventOptions {
  /** svix-id of the delivery; retries share it, so it is the effect key when present. */
  deliveryId: string | null;
}

type Issue = { path: string; message: string };

function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

function ignoredReason(type: string): string {
  if (type === "email.received") return "inbound email (email.received) is not tracked";
  const family = type.split(".")[0];
  if (["contact", "domain", "suppression", "topic", "inbox"].includes(family)) {
    return `${family}.* events are not tracked`;
  }
  return `unknown event type '${type}'`;
}

function idOf(data: unknown): string | null {
  if (typeof data !== "object" || data === null) return null;
  const { email_id: emailId, id } = data as Record<string, unknown>;
  if (typeof emailId === "string" && emailId) return emailId;
  return typeof id === "string" && id ? id : null;
}

/** Resend's failure detail differs per event; the message layer reads one code and one message. */
function errorOf({ type, data }: EmailEvent): { errorCode: string | null; errorMessage: string | null } {
  if (type === "email.bounced" && data.bounce) {
    const code = [data.bounce.type, data.bounce.subType].filter(Boolean).join("/");
    return { errorCode: code || null, errorMessage: data.bounce.message ?? null };
  }
  if (type === "email.failed" && data.failed) {
    return { errorCode: data.failed.reason ?? null, errorMessage: data.failed.reason ?? null };
  }
  if (type === "email.suppressed" && data.suppressed) {
    return { errorCode: data.suppressed.type ?? null, errorMessage: data.suppressed.message ?? null };
  }
  return { errorCode: null, errorMessage: null };
}

const LIFTED_FIELDS = new Set(["email_id", "from", "subject", "tags"]);

function normalize(event: EmailEvent, deliveryId: string | null): NormalizedEvent {
  const { data } = event;
  const externalId = (data.email_id ?? data.id) as string;
  const tags = data.tags ?? {};
  // Lifted fields leave details; the rest (to, message_id, broadcast_id, bounce, failed, ...) stays as sent.
  const details = Object.fromEntries(Object.entries(data).filter(([key]) => !LIFTED_FIELDS.has(key)));
  return {
    kind: "status",
    provider: "resend",
    channel: "email",
    eventType: event.type,
    status: event.type.slice("email.".length),
    externalId,
    deliveryId,
    effectKey: deliveryId ?? `${externalId}:${event.type}:${event.created_at}`,
    occurredAt: new Date(event.created_at),
    recipient: data.to?.[0] ?? null,
    sender: data.from ?? null,
    subject: data.subject ?? null,
    ...errorOf(event),
    bounce: data.bounce
      ? {
          type: data.bounce.type ?? null,
          subType: data.bounce.subType ?? null,
          message: data.bounce.message ?? null,
        }
      : null,
    click: data.click
      ? {
          link: data.click.link ?? null,
          ipAddress: data.click.ipAddress ?? null,
          userAgent: data.click.userAgent ?? null,
          timestamp: data.click.timestamp ?? null,
        }
      : null,
    tags,
    embeddedMessageId: tags.message_id ?? null,
    details,
  };
}

export function parseResendEvent(rawBody: string, { deliveryId }: ParseResendEventOptions): ParseResult {
  if (jsonDepthExceeds(rawBody, MAX_JSON_DEPTH)) {
    const message = `nested deeper than ${MAX_JSON_DEPTH} levels`;
    return { ok: false, reason: `body is ${message}`, issues: [{ path: "", message }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch (error) {
    const message = error instanceof Error ? error.message : "invalid JSON";
    return { ok: false, reason: "body is not valid JSON", issues: [{ path: "", message }] };
  }

  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, reason: "body is not a Resend event envelope", issues: toIssues(envelope.error) };
  }

  const delivery = deliveryId || null;
  const { type } = envelope.data;
  if (!isTrackedEmailEventType(type)) {
    const ignored: IgnoredEvent = {
      kind: "ignored",
      provider: "resend",
      eventType: type,
      externalId: idOf(envelope.data.data),
      deliveryId: delivery,
      reason: ignoredReason(type),
    };
    return { ok: true, event: ignored };
  }

  const event = emailEventSchema.safeParse(json);
  if (!event.success) {
    return {
      ok: false,
      reason: `${type} event does not match the expected shape`,
      issues: toIssues(event.error),
    };
  }
  return { ok: true, event: normalize(event.data, delivery) };
}
