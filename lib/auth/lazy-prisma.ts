// better-auth takes a Prisma client when it is configured, but ours exists only once the database has
// opened (and is replaced if it reopens). This stand-in forwards `prisma.<model>.<method>(…)` to the
// current client at call time, so auth waits for the database like every other route (503 while down).
import type { PrismaClient } from "../generated/prisma/client";
import { getDatabase } from "../db/runtime";

type Delegate = Record<string, (...args: unknown[]) => Promise<unknown>>;

export function createLazyPrisma(): PrismaClient {
  const models = new Map<string, Delegate>();
  return new Proxy({} as PrismaClient, {
    get(_target, model) {
      if (typeof model !== "string" || model === "then") return undefined;
      let delegate = models.get(model);
      if (!delegate) {
        delegate = new Proxy({} as Delegate, {
          get(_t, method) {
            if (typeof method !== "string" || method === "then") return undefined;
            return async (...args: unknown[]) => {
              const { prisma } = await getDatabase();
              const target = (prisma as unknown as Record<string, Delegate>)[model];
              return target[method](...args);
            };
          },
        });
        models.set(model, delegate);
      }
      return delegate;
    },
  });
}
