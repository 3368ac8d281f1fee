// The message list as the /messages page asks for it: the URL's filters (days, not instants) turned into
// the list query, the page read, recipients masked for a viewer who may not see them, and whether the
// cursor in a shared link is still one we can read.
import type { Database } from "../db/open";
import type { SearchSettings } from "../search/search-settings";
import { InvalidCursorError, listMessages, listMessagesQuerySchema, type MessagePage } from "./list-messages";

export interface MessageListFilters {
  q: string;
  status: string;
  channel: "sms" | "email" | null;
  campaign: string;
  from: Date | null;
  until: Date | null;
  stuck: boolean;
  cursor: string | null;
}

const DAY = 86_400_000;
export const PAGE_SIZE = 50;

export async function listMessagesForPage(
  db: Database,
  f: MessageListFilters,
  settings: SearchSettings,
  mask: (value: string | null) => string | null,
  now = new Date(),
): Promise<MessagePage & { badCursor: boolean }> {
  const query = listMessagesQuerySchema.parse({
    q: f.q.slice(0, 200) || undefined,
    status: f.status.slice(0, 200) || undefined,
    channel: f.channel ?? undefined,
    campaign: f.campaign.slice(0, 200) || undefined,
    stuck: f.stuck,
    from: f.from?.toISOString(),
    // "Sent until" a day includes that whole day.
    until: f.until ? new Date(f.until.getTime() + DAY).toISOString() : undefined,
    cursor: f.cursor ?? undefined,
    limit: PAGE_SIZE,
  });
  try {
    const page = await listMessages(db, query, settings, now);
    return { ...page, items: page.items.map((m) => ({ ...m, to: mask(m.to) ?? "" })), badCursor: false };
  } catch (error) {
    if (error instanceof InvalidCursorError) return { items: [], nextCursor: null, badCursor: true };
    throw error;
  }
}
