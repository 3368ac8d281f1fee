import type { Metadata } from "next";
import { AccessLinkPage } from "@/components/auth/access-link-page";

export const metadata: Metadata = { title: "New password", referrer: "no-referrer" };

export default async function Page({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  return <AccessLinkPage purpose="reset" token={(await searchParams).token} />;
}
