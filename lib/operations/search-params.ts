// The operations page's state in the URL (?range=1h|24h|7d): the page (server) and the range picker
// (client) share this parser, so a shared link opens on the same range.
import { parseAsStringLiteral } from "nuqs/server";
import { DEFAULT_OPERATIONS_PRESET, OPERATIONS_PRESETS } from "./range";

export const operationsSearchParams = {
  range: parseAsStringLiteral(OPERATIONS_PRESETS).withDefault(DEFAULT_OPERATIONS_PRESET),
};
