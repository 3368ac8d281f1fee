// The message list's URL state, shared by the page (server) and its filters (client): what the address
// bar holds is exactly what the list shows, so a view can be shared as a link.
import {
  createLoader,
  createSerializer,
  type inferParserType,
  parseAsBoolean,
  parseAsIsoDate,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";

export const CHANNELS = ["sms", "email"] as const;

export const messageSearchParams = {
  q: parseAsString.withDefault(""),
  status: parseAsString.withDefault(""),
  channel: parseAsStringLiteral(CHANNELS),
  campaign: parseAsString.withDefault(""),
  /** Sent on or after this day (UTC). */
  from: parseAsIsoDate,
  /** Sent on or before this day (UTC). */
  until: parseAsIsoDate,
  stuck: parseAsBoolean.withDefault(false),
  cursor: parseAsString,
};

export const loadMessageSearchParams = createLoader(messageSearchParams);
export const serializeMessageSearchParams = createSerializer(messageSearchParams);

export type MessageSearchState = inferParserType<typeof messageSearchParams>;
