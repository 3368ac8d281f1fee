// Realistic but fictional people and details: phone numbers from the 555-0100…555-0199 range reserved
// for fiction, addresses at example.com, Twilio error codes and Resend failure details from docs/providers.md.
import type { Random } from "./random";

const AREA_CODES = ["202", "212", "305", "312", "415", "503", "512", "617", "702", "720", "808", "917"];
const FIRST_NAMES = [
  "ada",
  "ben",
  "chloe",
  "dev",
  "elena",
  "farid",
  "grace",
  "hugo",
  "ines",
  "jonas",
  "kemi",
  "liam",
  "maya",
  "noor",
  "omar",
  "priya",
  "quinn",
  "rosa",
  "sam",
  "tariq",
  "uma",
  "victor",
  "wen",
  "yusuf",
  "zoe",
];
const LAST_NAMES = [
  "abbott",
  "baker",
  "castro",
  "diallo",
  "evans",
  "fischer",
  "garcia",
  "haddad",
  "ito",
  "jensen",
  "khan",
  "lopez",
  "moreau",
  "nakamura",
  "okafor",
  "petrov",
  "rossi",
  "silva",
  "tanaka",
  "weber",
];
const SUBJECTS = [
  "Confirm your email address",
  "Your order has shipped",
  "Your receipt from Acme",
  "Reset your password",
  "Your weekly summary",
  "Welcome to Acme",
  "Your invoice is ready",
  "New sign-in to your account",
  "Your appointment tomorrow at 10:00",
];
export const CATEGORIES = ["confirm_email", "order_update", "receipt", "password_reset", "digest", "welcome"];

/** E.164, e.g. +14155550123. */
export function fictionalPhone(random: Random): string {
  return `+1${random.pick(AREA_CODES)}55501${String(random.int(0, 99)).padStart(2, "0")}`;
}

export function fictionalEmail(random: Random): string {
  return `${random.pick(FIRST_NAMES)}.${random.pick(LAST_NAMES)}${random.int(1, 99)}@example.com`;
}

export function emailSubject(random: Random): string {
  return random.pick(SUBJECTS);
}

/** Twilio `undelivered`: carrier or handset refused it (docs/providers.md). */
export const UNDELIVERED_ERROR_CODES = ["30003", "30005", "30006", "30007"] as const;
/** Twilio `failed`: never left Twilio (queue overflow, unknown error, unregistered or unverified sender). */
export const FAILED_ERROR_CODES = ["30001", "30008", "30032", "30034"] as const;

export interface Bounce {
  type: "Permanent" | "Temporary";
  subType: string;
  message: string;
}

const PERMANENT_BOUNCES: Bounce[] = [
  {
    type: "Permanent",
    subType: "General",
    message: "The recipient's email provider sent a hard bounce message: 550 5.1.1 user unknown.",
  },
  { type: "Permanent", subType: "NoEmail", message: "The recipient's email address does not exist." },
  {
    type: "Permanent",
    subType: "Suppressed",
    message:
      "The recipient's email address is on the suppression list because it has a recent history of producing hard bounces.",
  },
];
const TEMPORARY_BOUNCES: Bounce[] = [
  {
    type: "Temporary",
    subType: "MailboxFull",
    message: "The recipient's mailbox is full: 452 4.2.2 over quota.",
  },
  {
    type: "Temporary",
    subType: "General",
    message: "The recipient's email provider sent a soft bounce: 421 4.7.0 try again later.",
  },
];

export function bounceDetails(random: Random, type: Bounce["type"]): Bounce {
  return random.pick(type === "Permanent" ? PERMANENT_BOUNCES : TEMPORARY_BOUNCES);
}

export const FAILED_REASONS = ["reached_daily_quota", "invalid_from_address", "invalid_api_key"] as const;

export const SUPPRESSED = {
  type: "OnAccountSuppressionList",
  message:
    "Resend has suppressed sending to this address because it is on the account-level suppression list. This does not count toward your bounce rate metric",
} as const;

const USER_AGENTS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
];
/** Campaigns a sender might tag messages with, per provider (the overview's campaign table). */
export const CAMPAIGNS = {
  twilio: ["order-updates", "appointment-reminders", "black-friday", "login-codes"],
  resend: ["welcome-series", "black-friday", "weekly-digest", "order-updates"],
} as const;

const LINKS = [
  "https://example.com/account",
  "https://example.com/orders/track",
  "https://example.com/confirm",
  "https://example.com/help",
];

export interface Click {
  ipAddress: string;
  link: string;
  userAgent: string;
  /** How long before the event the click happened: `click.timestamp` precedes the event's created_at. */
  leadMs: number;
}

export function clickDetails(random: Random): Click {
  return {
    ipAddress: `198.51.100.${random.int(1, 254)}`,
    link: random.pick(LINKS),
    userAgent: random.pick(USER_AGENTS),
    leadMs: random.int(200, 1500),
  };
}
