// Turns plan items into signed HTTP requests at send time. A redelivery is the very request its original
// was (same bytes, same svix-id and timestamp, same idempotency token), so originals that will be
// redelivered are kept once built; nothing else is retained.
import { Webhook } from "standardwebhooks";
import { badResendRequest, badTwilioRequest } from "./bad-requests";
import type { Plan, PlanItem } from "./plan";
import { createRandom } from "./random";
import { signedResendRequest, type ResendContext } from "./resend-request";
import type { HttpRequest } from "./send";
import type { SimulatorSettings } from "./settings";
import { signedTwilioRequest, type TwilioContext } from "./twilio-request";

export interface RequestContexts {
  twilio: TwilioContext | null;
  resend: ResendContext | null;
}

const DEFAULT_TWILIO_FROM = "+14155550100";
const DEFAULT_RESEND_FROM = "Acme <notifications@example.com>";

export function requestContexts(settings: SimulatorSettings, seed: string): RequestContexts {
  const join = (path: string) => settings.target + path;
  return {
    twilio:
      settings.twilioAuthToken === null
        ? null
        : {
            authToken: settings.twilioAuthToken,
            publicUrl: settings.publicUrls.twilio,
            targetUrl: join(settings.paths.twilio),
            // A stable fake account per seed when none is configured (a configured one is enforced by the server).
            accountSid: settings.twilioAccountSid ?? "AC" + createRandom(`${seed}:account`).hex(32),
            from: settings.twilioFrom ?? DEFAULT_TWILIO_FROM,
          },
    resend:
      settings.resendSecret === null
        ? null
        : {
            secret: settings.resendSecret,
            webhook: new Webhook(settings.resendSecret),
            targetUrl: join(settings.paths.resend),
            from: settings.resendFrom ?? DEFAULT_RESEND_FROM,
          },
  };
}

export function requestFactory(plan: Plan, contexts: RequestContexts, now: () => Date = () => new Date()) {
  const redelivered = new Set(
    plan.items.flatMap((item) => (item.kind === "duplicate" ? [item.original] : [])),
  );
  const kept = new Map<number, HttpRequest>();

  const fresh = (item: PlanItem): HttpRequest => {
    const provider = item.event.message.provider;
    const twilio = contexts.twilio,
      resend = contexts.resend;
    if (provider === "twilio" && !twilio) throw new Error("no Twilio context: TWILIO_AUTH_TOKEN is not set");
    if (provider === "resend" && !resend)
      throw new Error("no Resend context: RESEND_WEBHOOK_SECRET is not set");
    if (item.kind === "bad") {
      const input = { event: item.event, kind: item.bad, deliveryId: item.deliveryId, salt: item.salt };
      return provider === "twilio"
        ? badTwilioRequest(input, twilio!)
        : badResendRequest(input, resend!, now());
    }
    return provider === "twilio"
      ? signedTwilioRequest(item.event, twilio!)
      : signedResendRequest(item.event, resend!, now());
  };

  const build = (index: number): HttpRequest => {
    const item = plan.items[index];
    if (item.kind === "duplicate") return build(item.original);
    if (!redelivered.has(index)) return fresh(item);
    let request = kept.get(index);
    if (!request) kept.set(index, (request = fresh(item)));
    return request;
  };
  return build;
}
