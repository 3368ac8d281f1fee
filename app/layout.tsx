import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Signalboard",
  description: "Delivery webhooks from Twilio and Resend, verified, stored and explained.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
