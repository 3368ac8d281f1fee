// The message services fail with AppError (lib/errors/app-error.ts), which every answer is made from.
import { AppError } from "../errors/app-error";

export const notFound = (id: string) => new AppError("not_found", `No message with id ${id}`);
