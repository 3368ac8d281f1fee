// The suppression list's URL state, shared by the page (server) and its filters (client).
import { createLoader, createSerializer, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { SUPPRESSION_REASONS } from "@/lib/queries/list-suppressions";

export const suppressionSearchParams = {
  q: parseAsString.withDefault(""),
  state: parseAsStringLiteral(["active", "lifted", "all"] as const).withDefault("active"),
  reason: parseAsStringLiteral(SUPPRESSION_REASONS),
  channel: parseAsStringLiteral(["sms", "email"] as const),
  cursor: parseAsString,
};

export const loadSuppressionSearchParams = createLoader(suppressionSearchParams);
export const serializeSuppressionSearchParams = createSerializer(suppressionSearchParams);
