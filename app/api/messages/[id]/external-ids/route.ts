import { apiRoute, json, readJson } from "@/lib/api/handler";
import { isUuid } from "@/lib/api/ids";
import { notFound } from "@/lib/messages/errors";
import { addExternalId } from "@/lib/messages/external-ids";
import { externalIdSchema } from "@/lib/messages/schemas";

export const dynamic = "force-dynamic";

// Adds the provider's id (Twilio SID, Resend email id) once the send returned it; earlier events link now.
export const POST = apiRoute<{ id: string }>(async ({ db, request }, { id }) => {
  if (!isUuid(id)) throw notFound(id);
  const { provider, externalId } = await readJson(request, externalIdSchema);
  const result = await addExternalId(db, id, provider, externalId);
  return json({ messageId: id, provider, externalId, ...result }, result.created ? 201 : 200);
});
