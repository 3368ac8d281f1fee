// The POST handler both webhook routes export: the pipeline, plus a last guard so that a bug answers a
// JSON 500 (the provider retries) instead of an HTML page — and is logged. Each request is tracked from
// its first byte to its answer, so a shutdown waits for every request already taken, not only its write.
import { trackWrite } from "../lifecycle";
import { logger } from "../logger";
import { handleWebhook } from "./handle-webhook";
import type { ProviderAdapter } from "../providers/adapter";
import { rejectionResponse } from "./respond";

export function webhookRoute(adapter: ProviderAdapter) {
  return function POST(request: Request): Promise<Response> {
    return trackWrite(answer(adapter, request));
  };
}

async function answer(adapter: ProviderAdapter, request: Request): Promise<Response> {
  try {
    return await handleWebhook(adapter, request);
  } catch (error) {
    logger.error(
      { provider: adapter.provider, err: error instanceof Error ? error.stack : String(error) },
      "webhook handler failed",
    );
    return rejectionResponse("error");
  }
}
