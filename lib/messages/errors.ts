// Failures of the message services that the API maps to a status code (see lib/api/errors.ts).
export class MessageServiceError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "MessageServiceError";
  }
}

export const notFound = (id: string) => new MessageServiceError(404, "not_found", `No message with id ${id}`);
