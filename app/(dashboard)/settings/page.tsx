import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { AuditPanel } from "@/components/settings/audit-panel";
import { ConfigurationPanel } from "@/components/settings/configuration-panel";
import { UsersPanel } from "@/components/settings/users-panel";
import { RecommendedCallback } from "@/components/settings/recommended-callback";
import { WebhookUrlsPanel } from "@/components/settings/webhook-urls-panel";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { getDatabase } from "@/lib/db/runtime";
import { getConfigValidation } from "@/lib/env";
import { getConfigurationOverview } from "@/lib/queries/get-configuration-overview";
import { listApiKeys } from "@/lib/queries/list-api-keys";
import { listAuditEntries } from "@/lib/queries/list-audit-entries";
import { listUsers } from "@/lib/queries/list-users";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser({ allow: ["admin"] });
  const overview = getConfigurationOverview();
  const db = await getDatabase();
  const [users, keys, audit] = await Promise.all([listUsers(db), listApiKeys(db), listAuditEntries(db)]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Where to point Twilio and Resend, how Signalboard is configured, who may use it, and what they did."
      />
      <Tabs defaultValue="setup">
        <TabsList aria-label="Settings sections">
          <TabsTrigger value="setup">Webhooks and configuration</TabsTrigger>
          <TabsTrigger value="users">Users</TabsTrigger>
          <TabsTrigger value="keys">API keys</TabsTrigger>
          <TabsTrigger value="audit">Audit trail</TabsTrigger>
        </TabsList>
        <TabsContent value="setup" className="space-y-6">
          <WebhookUrlsPanel urls={overview.urls} />
          {overview.urls && <RecommendedCallback url={overview.urls.twilioStatusCallback} />}
          <ConfigurationPanel overview={overview} />
        </TabsContent>
        <TabsContent value="users">
          <UsersPanel users={users} currentUserId={user.id} />
        </TabsContent>
        <TabsContent value="keys">
          <ApiKeysPanel keys={keys} envKeyCount={getConfigValidation().config?.API_KEYS.length ?? 0} />
        </TabsContent>
        <TabsContent value="audit">
          <AuditPanel entries={audit} />
        </TabsContent>
      </Tabs>
    </>
  );
}
