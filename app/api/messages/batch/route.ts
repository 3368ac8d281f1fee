import { apiRoute, json, readJson, zodIssues } from "@/lib/api/handler";
import { getConfig } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { toErrorBody } from "@/lib/errors/error-response";
import { registerMessages, type RegistrationItem } from "@/lib/messages/register";
import { registerBatchSchema, registerMessageSchema } from "@/lib/messages/schemas";

export const dynamic = "force-dynamic";

// Registers up to 1,000 messages (a campaign's sends) in one transaction, answering per item: an invalid
// or conflicting item does not stop the others.
export const POST = apiRoute(async ({ db, request }) => {
  const { messages } = await readJson(request, registerBatchSchema);
  const parsed = messages.map((m) => registerMessageSchema.safeParse(m));
  const valid: Array<{ index: number; item: RegistrationItem }> = [];
  parsed.forEach((p, index) => {
    if (p.success)
      valid.push({
        index,
        item: { input: p.data, idempotencyKey: idempotencyKeyOf(messages[index]), position: index },
      });
  });
  const results = await registerMessages(
    db,
    valid.map((v) => v.item),
    registrationMapping(),
  );
  const byIndex = new Map(valid.map((v, i) => [v.index, results[i]]));
  const items = parsed.map((p, index) => {
    if (!p.success)
      return itemError(
        index,
        new AppError("invalid_request", "The message is not valid", { issues: zodIssues(p.error) }),
      );
    const r = byIndex.get(index)!;
    return r.ok
      ? { index, status: r.created ? 201 : 200, id: r.messageId }
      : itemError(index, new AppError(r.code, r.message));
  });
  const created = items.filter((i) => i.status === 201).length;
  return json({ created, failed: items.filter((i) => i.status >= 400).length, items }, 200);
});

// A failed item carries the same status and error object as a single request would answer.
function itemError(index: number, error: AppError) {
  return { index, status: error.status, error: toErrorBody(error).error };
}

// A batch item may carry its own idempotency key; it is not part of the message itself.
function idempotencyKeyOf(raw: unknown): string | undefined {
  const key = (raw as { idempotencyKey?: unknown })?.idempotencyKey;
  return typeof key === "string" && key.trim() ? key.trim().slice(0, 255) : undefined;
}

// With MESSAGE_ID_MAPPING_STRATEGY=timestamp a registration also claims the events that came before it.
function registrationMapping() {
  const config = getConfig();
  return {
    strategy: config.MESSAGE_ID_MAPPING_STRATEGY,
    timestampWindowSeconds: config.TIMESTAMP_MATCHING_WINDOW,
  };
}
