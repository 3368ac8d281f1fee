"use client";
// The client side of the overview: URL state (nuqs) and server data after first paint (react-query,
// refreshed every minute while the page is open). The first paint is the server's data (`initial`).
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState } from "react";
import type { WebhookUrls } from "@/lib/config/validate";
import type { LoadedOverview } from "@/lib/queries/overview/load-overview";
import { OverviewView } from "./overview-view";

export function OverviewClient({
  initial,
  webhookUrls,
}: {
  initial: LoadedOverview;
  webhookUrls: WebhookUrls | null;
}) {
  const [client] = useState(() => new QueryClient());
  return (
    <NuqsAdapter>
      <QueryClientProvider client={client}>
        <OverviewView initial={initial} webhookUrls={webhookUrls} />
      </QueryClientProvider>
    </NuqsAdapter>
  );
}
