// The raw body as a person reads it: JSON pretty-printed, a form decoded into a table (Twilio), anything
// else as sent. Headers are shown as stored: signatures and credentials were redacted at ingest.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RequestDetail } from "@/lib/queries/get-request";
import { bodyRemovedNote } from "@/lib/retention/removed-note";

export function RequestBody({ request }: { request: RequestDetail }) {
  const body = request.body ?? "";
  const isForm = /x-www-form-urlencoded/i.test(request.contentType ?? "");
  const pretty = /json/i.test(request.contentType ?? "") ? prettyJson(body) : body;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Body</CardTitle>
        <CardDescription>
          {request.contentType ?? "No Content-Type"} · {request.bodyBytes} bytes
          {request.bodyTruncated && " · only the first bytes were kept"}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {!body ? (
          <p className="text-sm text-muted">
            {request.bodyRemovedAt
              ? `Not shown: ${bodyRemovedNote(request.receivedAt, request.bodyRemovedAt)} (WEBHOOK_BODY_RETENTION_DAYS).`
              : "No body was stored."}
          </p>
        ) : isForm ? (
          <KeyValues entries={[...new URLSearchParams(body)]} label="Form fields" />
        ) : (
          <pre className="max-h-[32rem] overflow-auto rounded bg-surface-muted p-3 text-xs" tabIndex={0}>
            {pretty}
          </pre>
        )}
      </CardContent>
    </Card>
  );
}

export function RequestHeaders({ request }: { request: RequestDetail }) {
  const entries = Object.entries(request.headers).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Headers</CardTitle>
        <CardDescription>
          Signatures and credentials are redacted before the headers are stored; a rejected request&apos;s
          signature is kept apart, for re-verification only (see Replay).
        </CardDescription>
      </CardHeader>
      <CardContent>
        <KeyValues entries={entries} label="Headers" />
      </CardContent>
    </Card>
  );
}

function KeyValues({ entries, label }: { entries: Array<[string, string]>; label: string }) {
  if (!entries.length) return <p className="text-sm text-muted">None.</p>;
  return (
    <dl
      aria-label={label}
      className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(8rem,auto)_1fr]"
    >
      {entries.map(([key, value], i) => (
        <div key={`${key}-${i}`} className="contents">
          <dt className="font-medium text-muted">{key}</dt>
          <dd className="mb-1 font-mono text-xs break-all sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
