// Honours non-default TWILIO_WEBHOOK_URL / RESEND_WEBHOOK_URL at run time, without a rebuild: a request
// to the configured path is rewritten to the route that serves it. The default paths skip this entirely
// (see the matcher), so the hot path pays nothing.
import { NextResponse, type NextRequest } from "next/server";
import { getConfigValidation } from "@/lib/env";

const ROUTES = { twilio: "/webhooks/twilio", resend: "/webhooks/resend" } as const;

export function proxy(request: NextRequest): NextResponse {
  const config = getConfigValidation().config;
  if (config) {
    const { pathname, search } = request.nextUrl;
    const target =
      pathname === config.TWILIO_WEBHOOK_URL
        ? ROUTES.twilio
        : pathname === config.RESEND_WEBHOOK_URL
          ? ROUTES.resend
          : null;
    if (target && target !== pathname) return NextResponse.rewrite(new URL(target + search, request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|webhooks/twilio$|webhooks/resend$|webhooks/health$|bench/noop$).*)",
  ],
};
