import { getHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

// Unauthenticated by design: load balancers and uptime monitors call it. It shows no secret.
export async function GET(): Promise<Response> {
  const health = await getHealth();
  return Response.json(health, {
    status: health.status === "healthy" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
