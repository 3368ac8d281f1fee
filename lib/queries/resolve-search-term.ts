// Turns the search box's text into the condition that finds its messages: a recipient (phone in all its
// spellings, or email) through the recipient index, or a set of message ids found through the provider-id
// index. Resend ids are UUIDs like ours, so a UUID matches both.
import type { CountryCode } from "libphonenumber-js";
import type { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/open";
import { classifyQuery, phoneRecipients, type SearchTerm } from "../search/classify-query";

/** A provider id belongs to one message; a few more covers ids reused across providers. */
const ID_MATCHES = 20;

export interface ResolvedSearch {
  term: SearchTerm | null;
  /** Null when the text was empty: no condition. */
  where: Prisma.MessageWhereInput | null;
}

/** Null when nothing can match (an id nobody registered): the caller answers an empty page at once. */
export async function resolveSearchTerm(
  db: Database,
  text: string,
  defaultCountry: CountryCode,
  options: { idOnly?: boolean } = {},
): Promise<ResolvedSearch | null> {
  const term: SearchTerm | null = options.idOnly
    ? { kind: "providerId", externalId: text.trim() }
    : classifyQuery(text, defaultCountry);
  if (!term) return { term, where: null };
  if (term.kind === "email") return { term, where: { recipient: term.email } };
  if (term.kind === "phone") return { term, where: { recipient: { in: phoneRecipients(term.e164) } } };
  const externalId = term.kind === "id" ? term.id : term.externalId;
  const ids = await findMessageIdsByExternalId(db, externalId);
  if (term.kind === "id") ids.add(term.id);
  if (!ids.size) return null;
  return { term, where: { id: { in: [...ids] } } };
}

/**
 * Through the external_id index, whichever provider the id belongs to. Ordered by external_id on purpose:
 * without an orderBy, Prisma orders a `take` by the primary key, and a planner without fresh statistics
 * (PGlite never auto-analyzes; PostgreSQL right after a bulk load) then walks the whole primary key
 * filtering on external_id — every row of the table for an id that exists once. Ordered by the column it
 * matches, the index that finds the rows also gives their order.
 */
export async function findMessageIdsByExternalId(db: Database, externalId: string): Promise<Set<string>> {
  const rows = await db.prisma.messageExternalId.findMany({
    where: { externalId },
    orderBy: { externalId: "asc" },
    select: { messageId: true },
    take: ID_MATCHES,
  });
  return new Set(rows.map((r) => r.messageId));
}
