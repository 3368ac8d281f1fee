import { ConfigurationPanel } from "@/components/configuration-panel";
import { WebhookUrlsPanel } from "@/components/webhook-urls-panel";
import { getConfigurationOverview } from "@/lib/queries/get-configuration-overview";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const overview = getConfigurationOverview();
  const db = overview.database;
  return (
    <main className="page">
      <header className="page-header">
        <h1>Signalboard</h1>
        <p>Delivery webhooks from Twilio and Resend: verified, stored, and tied to your messages.</p>
      </header>
      {overview.devSecrets && (
        <p role="alert" className="banner warning">
          Running with generated local development secrets (.env.local): simulated traffic is accepted, real
          Twilio and Resend traffic is refused until you set your real secrets.
        </p>
      )}
      <p className="status-line">
        Database: <strong data-testid="database-status">{db.phase === "ready" ? "up" : db.phase}</strong>
        {db.kind ? ` (${db.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"})` : ""}
        {db.error ? ` — ${db.error}` : ""}
      </p>
      <WebhookUrlsPanel urls={overview.urls} />
      <ConfigurationPanel overview={overview} />
    </main>
  );
}
