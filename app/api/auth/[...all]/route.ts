// better-auth's own endpoints (sign-in, sign-out, session): origin-checked and rate-limited by it.
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/server";

export const dynamic = "force-dynamic";

const handle = (request: Request) => getAuth().handler(request);

export const { GET, POST } = toNextJsHandler(handle);
