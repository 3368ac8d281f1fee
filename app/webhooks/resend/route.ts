import { webhookRoute } from "@/lib/ingest/route-handler";
import { getProviderAdapter } from "@/lib/providers/registry";

export const dynamic = "force-dynamic";

// Resend email events, delivered through Svix (RESEND_WEBHOOK_URL; other paths are rewritten by proxy.ts).
export const POST = webhookRoute(getProviderAdapter("resend"));
