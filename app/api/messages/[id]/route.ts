import { apiRoute, READERS_WITH_MARKETING } from "@/lib/api/handler";
import { isUuid } from "@/lib/api/ids";
import { notFound } from "@/lib/messages/errors";
import { getMessage } from "@/lib/queries/get-message";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ db }, { id }) => {
  const message = isUuid(id) ? await getMessage(db, id) : null;
  if (!message) throw notFound(id);
  return message;
}, READERS_WITH_MARKETING);
