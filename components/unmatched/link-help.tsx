// How an unmatched event finds its message: the sender tells Signalboard the provider's id, and every
// event waiting for that id is linked at once (the message's status is recomputed from them).
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export function LinkHelp() {
  return (
    <Card aria-labelledby="link-help-title" className="mb-4">
      <CardHeader>
        <CardTitle id="link-help-title">How these get linked</CardTitle>
      </CardHeader>
      <CardContent className="space-y-1.5 text-sm">
        <p>
          The provider reported on a message Signalboard has not been told about. Nothing is lost: each event
          waits here and links by itself the moment your application registers the message or its provider id
          — the message&apos;s status is then worked out from every event, in order.
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Register the message with its id: <code>POST /api/messages</code> with{" "}
            <code>&quot;externalId&quot;: &quot;SM…&quot;</code>.
          </li>
          <li>
            Or add the id to a message already registered:{" "}
            <code>POST /api/messages/&#123;id&#125;/external-ids</code>.
          </li>
          <li>
            Or send our message id along with each message (<code>MESSAGE_ID_MAPPING_STRATEGY=embedded</code>,
            see docs/api.md).
          </li>
        </ul>
      </CardContent>
    </Card>
  );
}
