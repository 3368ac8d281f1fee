// The live log's URL state, shared by the page (server) and its filters (client): a filtered view is a
// link. `before` pages below the live tail (keyset by sequence); without it the page is live.
import { createLoader, createSerializer, parseAsString } from "nuqs/server";

export const eventSearchParams = {
  provider: parseAsString.withDefault(""),
  outcome: parseAsString.withDefault(""),
  eventType: parseAsString.withDefault(""),
  q: parseAsString.withDefault(""),
  before: parseAsString,
};

export const loadEventSearchParams = createLoader(eventSearchParams);
export const serializeEventSearchParams = createSerializer(eventSearchParams);
