// Instants in reasons: a date alone when it is midnight UTC ("window ends 2027-06-01"), else the
// full UTC time without milliseconds. Date is used only to format, never to read the clock.

export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}
