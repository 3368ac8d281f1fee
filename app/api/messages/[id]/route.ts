import { ApiError, apiRoute } from "@/lib/api/handler";
import { isUuid } from "@/lib/api/ids";
import { getMessage } from "@/lib/queries/get-message";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ db }, { id }) => {
  const message = isUuid(id) ? await getMessage(db, id) : null;
  if (!message) throw new ApiError(404, "not_found", `No message with id ${id}`);
  return message;
});
