const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our message ids are UUIDs; anything else cannot exist (and must not reach a uuid cast as a 500). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
