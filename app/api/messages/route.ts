import { apiRoute, json, parseWith, readJson, searchParams, READERS_WITH_MARKETING } from "@/lib/api/handler";
import { getConfig } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { registerMessages } from "@/lib/messages/register";
import { registerMessageSchema } from "@/lib/messages/schemas";
import { getMessage } from "@/lib/queries/get-message";
import { listMessages, listMessagesQuerySchema } from "@/lib/queries/list-messages";
import { getSearchSettings } from "@/lib/search/search-settings";

export const dynamic = "force-dynamic";

// Registers one outgoing message. An idempotency key (the Idempotency-Key header, or idempotencyKey in
// the body) makes retries return the same message.
export const POST = apiRoute(async ({ db, request }) => {
  const input = await readJson(request, registerMessageSchema);
  const idempotencyKey = idempotencyKeyOf(request, input.idempotencyKey);
  const [result] = await registerMessages(db, [{ input, idempotencyKey }], registrationMapping());
  if (!result.ok) throw new AppError(result.code, result.message);
  return json(await getMessage(db, result.messageId), result.created ? 201 : 200);
});

export const GET = apiRoute(
  async ({ db, request }) =>
    listMessages(
      db,
      parseWith(listMessagesQuerySchema, searchParams(request)),
      getSearchSettings(getConfig()),
    ),
  READERS_WITH_MARKETING,
);

// One key, given either way; two different keys cannot both be honoured, so neither is guessed.
function idempotencyKeyOf(request: Request, inBody: string | undefined): string | undefined {
  const inHeader = request.headers.get("idempotency-key")?.trim().slice(0, 255) || undefined;
  if (inHeader && inBody && inHeader !== inBody)
    throw new AppError(
      "invalid_request",
      "The Idempotency-Key header and idempotencyKey in the body differ: send one key, or the same in both",
    );
  return inHeader ?? inBody;
}

// With MESSAGE_ID_MAPPING_STRATEGY=timestamp a registration also claims the events that came before it.
function registrationMapping() {
  const config = getConfig();
  return {
    strategy: config.MESSAGE_ID_MAPPING_STRATEGY,
    timestampWindowSeconds: config.TIMESTAMP_MATCHING_WINDOW,
  };
}
