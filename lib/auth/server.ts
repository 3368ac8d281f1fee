// The better-auth instance: email + password, database sessions that expire, sign-in throttling stored
// in the database (so every instance shares it), and the origin check on its own routes (CSRF). Built on
// first use, from the validated configuration.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { getBaseUrl } from "../config/validate";
import { getConfig, type Config } from "../env";
import { getDatabase } from "../db/runtime";
import { recordAudit } from "../audit/record";
import { createLazyPrisma } from "./lazy-prisma";

const DAY = 24 * 60 * 60;
export const SESSION_DAYS = 7;

function buildAuth(config: Config) {
  const baseURL = getBaseUrl(config);
  return betterAuth({
    appName: "Signalboard",
    baseURL,
    basePath: "/api/auth",
    secret: config.AUTH_SECRET,
    // The same page may be opened as localhost or 127.0.0.1; both are this machine.
    trustedOrigins: [baseURL, `http://localhost:${config.PORT}`, `http://127.0.0.1:${config.PORT}`],
    database: prismaAdapter(createLazyPrisma(), { provider: "postgresql", transaction: false }),
    emailAndPassword: {
      enabled: true,
      // Nobody signs up: admins invite (lib/auth/access-links.ts), the first admin claims the instance.
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 256,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "support", input: false },
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    session: {
      expiresIn: SESSION_DAYS * DAY,
      // An active user's session is extended at most once a day (one write, not one per request).
      updateAge: DAY,
      // No cookie cache: a revoked session or a disabled user is refused on the very next request.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: config.SIGN_IN_RATE_LIMIT } },
    },
    advanced: { cookiePrefix: "signalboard" },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const { prisma } = await getDatabase();
            const user = await prisma.user.findUnique({ where: { id: session.userId } });
            if (!user || user.disabledAt) {
              await recordAudit({
                actor: { id: session.userId, label: user?.email ?? "unknown" },
                action: "user.sign_in_refused",
                details: { reason: "disabled" },
              });
              throw new APIError("FORBIDDEN", {
                code: "ACCOUNT_DISABLED",
                message: "This account is disabled. Ask an admin to enable it.",
              });
            }
          },
          after: async (session) => {
            const { prisma } = await getDatabase();
            const user = await prisma.user.findUnique({ where: { id: session.userId } });
            await recordAudit({
              actor: { id: session.userId, label: user?.email ?? "unknown" },
              action: "user.sign_in",
            });
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof buildAuth>;

const holder = globalThis as typeof globalThis & { __signalboardAuth?: Auth };

/** The process's auth instance (on globalThis: Next bundles routes and instrumentation separately). */
export function getAuth(): Auth {
  holder.__signalboardAuth ??= buildAuth(getConfig());
  return holder.__signalboardAuth;
}

/** For tests that change the configuration. */
export function resetAuth(): void {
  holder.__signalboardAuth = undefined;
}
