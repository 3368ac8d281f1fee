/** What every view of a message shows, in the API's shape (camelCase, ISO-8601 UTC times). */
export interface MessageFields {
  id: string;
  channel: string;
  to: string;
  from: string | null;
  subject: string | null;
  campaign: string | null;
  provider: string | null;
  status: string;
  statusAt: string | null;
  sentAt: string;
}
