// Runs before every page and API route except the webhook hot path (see the matcher):
//  - honours non-default TWILIO_WEBHOOK_URL / RESEND_WEBHOOK_URL at run time, without a rebuild: a
//    request to the configured path is rewritten to the route that serves it;
//  - sends a visitor without a session cookie straight to /sign-in (the pages check the session itself
//    too: this only saves a render), remembering where they were going.
import { NextResponse, type NextRequest } from "next/server";
import { getConfigValidation } from "@/lib/env";
import { hasSessionCookie } from "@/lib/auth/session-cookie";

const ROUTES = { twilio: "/webhooks/twilio", resend: "/webhooks/resend" } as const;

/** Pages anyone may open: signing in, and the one-time links (each checks its token). */
const PUBLIC_PAGES = new Set(["/sign-in", "/setup", "/invite", "/reset-password"]);

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const config = getConfigValidation().config;
  if (config) {
    const target =
      pathname === config.TWILIO_WEBHOOK_URL
        ? ROUTES.twilio
        : pathname === config.RESEND_WEBHOOK_URL
          ? ROUTES.resend
          : null;
    if (target && target !== pathname) return NextResponse.rewrite(new URL(target + search, request.url));
  }
  if (pathname.startsWith("/api/") || pathname.startsWith("/webhooks/") || PUBLIC_PAGES.has(pathname))
    return NextResponse.next();
  if (!hasSessionCookie(request.headers.get("cookie"))) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("next", pathname + search);
    return NextResponse.redirect(signIn);
  }
  // Tells requirePageUser where to come back to when the session turns out to be stale.
  const headers = new Headers(request.headers);
  headers.set("x-signalboard-path", pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|webhooks/twilio$|webhooks/resend$|webhooks/health$|bench/noop$).*)",
  ],
};
