import type { WebhookUrls } from "@/lib/config/validate";

export function WebhookUrlsPanel({ urls }: { urls: WebhookUrls | null }) {
  return (
    <section aria-labelledby="urls-heading" className="panel">
      <h2 id="urls-heading">Webhook URLs</h2>
      {urls ? (
        <dl className="urls">
          <dt>Twilio status callback (paste into the Messaging Service or the StatusCallback parameter)</dt>
          <dd>
            <code data-testid="twilio-url">{urls.twilio}</code>
          </dd>
          <dt>Resend webhook endpoint (Resend → Webhooks → Add endpoint)</dt>
          <dd>
            <code data-testid="resend-url">{urls.resend}</code>
          </dd>
          <dt>Health check</dt>
          <dd>
            <code>{urls.health}</code>
          </dd>
        </dl>
      ) : (
        <p>Fix the configuration errors to see the URLs.</p>
      )}
    </section>
  );
}
