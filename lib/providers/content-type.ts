// The content types providers send, matched on the media type alone (parameters such as charset are
// ignored). One definition, so the 415 check and the signature check never disagree about "JSON".

const JSON_TYPE = /^\s*application\/([\w.+-]+\+)?json\b/i;
const FORM_TYPE = /^\s*application\/x-www-form-urlencoded\b/i;

/** application/json or any structured-syntax `+json` type (application/cloudevents+json, ...). */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  return JSON_TYPE.test(contentType ?? "");
}

export function isFormContentType(contentType: string | null | undefined): boolean {
  return FORM_TYPE.test(contentType ?? "");
}
