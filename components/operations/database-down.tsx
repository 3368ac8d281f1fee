// What the operations page can still say while the database is unreachable: this instance's 503s (kept in
// memory) and the configuration check; the stored figures come back with the database.
import { DatabaseZap } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/lib/overview/format";
import type { UnavailableCount } from "@/lib/ingest/unavailable-count";
import type { ConfigurationOverview } from "@/lib/queries/get-configuration-overview";
import { ConfigurationCheck } from "./configuration-check";

export function DatabaseDown({
  unavailable,
  configuration,
  isAdmin,
}: {
  unavailable: UnavailableCount;
  configuration: ConfigurationOverview;
  isAdmin: boolean;
}) {
  return (
    <div className="space-y-6">
      <EmptyState icon={<DatabaseZap />} title="The database is unavailable">
        Webhooks are answered 503 so the providers retry them. This instance has answered{" "}
        <strong className="text-fg" data-testid="unavailable-value">
          {formatCount(unavailable.count)}
        </strong>{" "}
        {unavailable.count === 1 ? "request" : "requests"} 503 since it started. The stored figures return
        with the database.
      </EmptyState>
      <ConfigurationCheck configuration={configuration} showSettingsLink={isAdmin} />
    </div>
  );
}
