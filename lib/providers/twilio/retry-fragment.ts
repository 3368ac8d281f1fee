// Twilio retries a status callback only when it cannot connect, unless the callback URL asks for more
// with a connection-override fragment: `#rc=<retries, 0–5>&rp=<policy: 4xx, 5xx, ct, rt or all>`. Our 503
// ("not stored, send it again") is therefore retried only when the fragment names 5xx. A fragment is never
// sent over HTTP: Twilio strips it, requests and signs the URL before the "#", so the signature we check
// (over WEBHOOK_BASE_URL + path + query) is unchanged by it.

/** 5 retries (Twilio's maximum) on a 5xx answer, a connect timeout or a read timeout. */
const RETRY_ON = ["5xx", "ct", "rt"];

/**
 * The fragment to append to the status callback URL. With UNKNOWN_MESSAGE_STATUS=404 an event for an
 * unknown message is answered 404 precisely so that it comes back later: then 4xx is retried too.
 */
export function twilioRetryFragment(options: { retryUnknownMessages: boolean }): string {
  const policy = options.retryUnknownMessages ? ["4xx", ...RETRY_ON] : RETRY_ON;
  return `#rc=5&rp=${policy.join(",")}`;
}
