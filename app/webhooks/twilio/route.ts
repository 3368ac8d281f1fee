import { webhookRoute } from "@/lib/ingest/route-handler";
import { getProviderAdapter } from "@/lib/providers/registry";

export const dynamic = "force-dynamic";

// Twilio SMS/MMS status callbacks (TWILIO_WEBHOOK_URL; other paths are rewritten here by proxy.ts).
export const POST = webhookRoute(getProviderAdapter("twilio"));
