import { apiRoute, json, readJson } from "@/lib/api/handler";
import { isUuid } from "@/lib/api/ids";
import { notFound } from "@/lib/messages/errors";
import { markSendFailed } from "@/lib/messages/mark-failed";
import { sendFailedSchema } from "@/lib/messages/schemas";
import { getMessage } from "@/lib/queries/get-message";

export const dynamic = "force-dynamic";

// A send the provider refused synchronously: no callback will come, so this is the message's status.
export const POST = apiRoute<{ id: string }>(async ({ db, request }, { id }) => {
  if (!isUuid(id)) throw notFound(id);
  const failure = await readJson(request, sendFailedSchema);
  const { recorded } = await markSendFailed(db, id, failure);
  return json(await getMessage(db, id), recorded ? 201 : 200);
});
