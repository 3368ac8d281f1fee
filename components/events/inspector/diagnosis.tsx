// Why a request was rejected, in the terms of what to fix: for Twilio the exact URL its signature was
// checked against (it must be the public URL Twilio called, so WEBHOOK_BASE_URL is the usual fix), for
// Resend how far the signed timestamp was from the server clock. Anything else is listed as stored.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RequestDetail } from "@/lib/queries/get-request";

export function Diagnosis({ request }: { request: RequestDetail }) {
  const d = request.diagnosis;
  if (!d || !Object.keys(d).length) return null;
  const checkedUrl = typeof d.checkedUrl === "string" ? d.checkedUrl : null;
  const skew = typeof d.skewSeconds === "number" ? d.skewSeconds : null;
  const rest = Object.entries(d).filter(([k]) => !["checkedUrl", "hint", "skewSeconds"].includes(k));
  return (
    <Card data-testid="diagnosis">
      <CardHeader>
        <CardTitle>Verification diagnosis</CardTitle>
        <CardDescription>What Signalboard checked, so the cause can be fixed.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        {checkedUrl && (
          <div>
            <p className="font-medium">The signature was checked against this URL</p>
            <code className="mt-1 block rounded bg-surface-muted px-2 py-1 break-all">{checkedUrl}</code>
            <p className="mt-2 text-muted">
              Twilio signs the exact public URL it called. If it differs from the one above (scheme, host,
              port or path), set <code>WEBHOOK_BASE_URL</code> to the public origin Twilio calls; if the URL
              is right, the auth token (<code>TWILIO_AUTH_TOKEN</code>) is not the one of the account that
              sent it.
            </p>
          </div>
        )}
        {skew !== null && (
          <p>
            The signed timestamp was <strong>{Math.abs(skew)} seconds</strong>{" "}
            {String(request.reason).includes("ahead") ? "ahead of" : "behind"} the server clock (at most{" "}
            {String(d.toleranceSeconds ?? 300)} s is accepted). Check the server&apos;s clock (NTP), or a
            queue that delayed the request.
          </p>
        )}
        {typeof d.hint === "string" && !checkedUrl && <p className="text-muted">{d.hint}</p>}
        {rest.length > 0 && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            {rest.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="text-muted">{key}</dt>
                <dd className="font-mono text-xs break-all">
                  {typeof value === "string" ? value : JSON.stringify(value)}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
