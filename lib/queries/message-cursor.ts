// The message list's cursor: the send time and id of the last row shown, opaque to the caller.
import { AppError } from "../errors/app-error";

/** A `cursor` this API did not hand out: answered 400 `invalid_cursor`. */
export class InvalidCursorError extends AppError {
  constructor(message: string) {
    super("invalid_cursor", message);
    this.name = "InvalidCursorError";
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(sentAt: Date, id: string): string {
  return Buffer.from(`${sentAt.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { sentAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const sentAt = new Date(time);
  // The id is compared with a uuid column: anything but a uuid would fail the query (a 500), not page.
  if (!id || !UUID.test(id) || Number.isNaN(sentAt.getTime()))
    throw new InvalidCursorError("cursor is not one this API returned");
  return { sentAt, id };
}
