// Reads a phone number the way a customer or a colleague types it — "+1 415-555-0100", "(415) 555-0100",
// "4155550100", "020 7946 0958 ext. 12" — into the E.164 spelling Twilio reports and we store. National
// numbers are read in the default country (DEFAULT_COUNTRY). Anything that is not a possible number for
// its country, or that carries letters other than an extension marker, is not a phone number: the search
// then tries it as an id instead.
import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from "libphonenumber-js";

export interface ParsedPhone {
  /** E.164, e.g. +14155550100. */
  e164: string;
  /** An extension typed after the number ("x12", "ext. 12", "#12"); never part of an SMS recipient. */
  extension: string | null;
  country: CountryCode | null;
}

// Channel prefixes Twilio puts on WhatsApp and RCS recipients, and the tel: URI scheme.
const PREFIX = /^(?:tel:|whatsapp:|rcs:)/i;
const EXTENSION = /(?:\s*[,;]?\s*(?:ext\.?|extension|x|#)\s*|;ext=)(\d{1,7})\s*$/i;
// Digits with the usual separators only: a stray letter means the text is something else (an id, a name).
const PHONE_TEXT = /^\+?[\d\s().\-/]+$/;

export function isCountryCode(value: string): value is CountryCode {
  return /^[A-Z]{2}$/.test(value) && isSupportedCountry(value);
}

export function parsePhone(input: string, defaultCountry: CountryCode): ParsedPhone | null {
  let text = input.trim().replace(PREFIX, "").trim();
  let extension: string | null = null;
  const ext = EXTENSION.exec(text);
  if (ext) {
    extension = ext[1];
    text = text.slice(0, ext.index).trim();
  }
  if (!PHONE_TEXT.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  if (digits.length < 5 || digits.length > 17) return null;
  const parsed = parsePhoneNumberFromString(text, { defaultCountry, extract: false });
  if (!parsed || !parsed.isPossible()) return null;
  // A number typed with its country code is taken as long as its length is possible (it is what the
  // provider reported); a national one must be valid in the default country, or "0612345678" read in the
  // US would become a number nobody has.
  const international =
    text.startsWith("+") || parsed.countryCallingCode !== getCountryCallingCode(defaultCountry);
  if (!international && !parsed.isValid()) return null;
  return { e164: parsed.number, extension: extension ?? parsed.ext ?? null, country: parsed.country ?? null };
}

/** The country of an E.164 number (the default country is derived from TWILIO_PHONE_NUMBER this way). */
export function countryOfNumber(value: string | undefined): CountryCode | null {
  if (!value) return null;
  const parsed = parsePhoneNumberFromString(value.replace(PREFIX, "").trim());
  return parsed?.country ?? parsed?.getPossibleCountries()[0] ?? null;
}
