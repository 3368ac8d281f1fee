// Every provider Signalboard accepts webhooks from. A provider is one folder under lib/providers/ that
// exports a ProviderAdapter (see ./adapter.ts); listing it here is the only wiring outside that folder,
// besides its route under app/webhooks/.
import type { ProviderAdapter } from "./adapter";
import { resendAdapter } from "./resend/adapter";
import { twilioAdapter } from "./twilio/adapter";
import type { Provider } from "./types";

export const PROVIDER_ADAPTERS: Readonly<Record<Provider, ProviderAdapter>> = {
  twilio: twilioAdapter,
  resend: resendAdapter,
};

export function getProviderAdapter(provider: Provider): ProviderAdapter {
  return PROVIDER_ADAPTERS[provider];
}

export function isProvider(value: string): value is Provider {
  return Object.hasOwn(PROVIDER_ADAPTERS, value);
}
