// The configuration the message search reads: which country national numbers belong to, and when a
// message without a final status counts as stuck.
import type { CountryCode } from "libphonenumber-js";
import type { Config } from "../config/schema";
import { countryOfNumber } from "../phone/parse-phone";

export interface SearchSettings {
  defaultCountry: CountryCode;
  stuckAfterHours: number;
}

/** DEFAULT_COUNTRY, else the country of the sending number (TWILIO_PHONE_NUMBER), else the US. */
export function resolveDefaultCountry(config: Pick<Config, "DEFAULT_COUNTRY" | "TWILIO_PHONE_NUMBER">) {
  return config.DEFAULT_COUNTRY ?? countryOfNumber(config.TWILIO_PHONE_NUMBER) ?? "US";
}

export function getSearchSettings(
  config: Pick<Config, "DEFAULT_COUNTRY" | "TWILIO_PHONE_NUMBER" | "STUCK_AFTER_HOURS">,
): SearchSettings {
  return { defaultCountry: resolveDefaultCountry(config), stuckAfterHours: config.STUCK_AFTER_HOURS };
}
