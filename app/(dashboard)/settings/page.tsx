import { PageHeader } from "@/components/shell/page-header";
import { ConfigurationPanel } from "@/components/settings/configuration-panel";
import { WebhookUrlsPanel } from "@/components/settings/webhook-urls-panel";
import { getConfigurationOverview } from "@/lib/queries/get-configuration-overview";

export const dynamic = "force-dynamic";

export default function SettingsPage() {
  const overview = getConfigurationOverview();
  return (
    <>
      <PageHeader
        title="Settings"
        description="Where to point Twilio and Resend, and how Signalboard is configured."
      />
      <div className="space-y-6">
        <WebhookUrlsPanel urls={overview.urls} />
        <ConfigurationPanel overview={overview} />
      </div>
    </>
  );
}
