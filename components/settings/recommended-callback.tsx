// The Twilio status callback to paste, with the connection-override fragment that makes Twilio retry the
// 503s this instance answers while its database is down (README, "Point Twilio and Resend at it").
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

export function RecommendedCallback({ url }: { url: string }) {
  return (
    <Card aria-labelledby="recommended-callback-heading">
      <CardHeader>
        <CardTitle id="recommended-callback-heading">Recommended Twilio status callback</CardTitle>
        <CardDescription>
          The Twilio URL with a retry fragment: Twilio keeps the part after # to itself and retries a 5xx, a
          connection or a read timeout up to 5 times, so nothing is lost while the database is down.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex min-w-0 items-center gap-2">
        <code
          data-testid="twilio-callback-url"
          className="min-w-0 flex-1 truncate rounded bg-surface-muted px-2 py-1"
        >
          {url}
        </code>
        <CopyButton value={url} label="Copy the recommended Twilio status callback" />
      </CardContent>
    </Card>
  );
}
