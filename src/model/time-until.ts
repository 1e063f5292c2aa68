// How far an instant is from another, in words, for plans and reports (both render it; neither owns it).
/** "in 1 h 5 min", "2 days 3 h ago": how far `at` is from the plan's instant. */
export function timeUntil(at: string, now: string): string {
  const ms = Date.parse(at) - Date.parse(now);
  const abs = Math.abs(ms);
  const minutes = Math.round(abs / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [days > 0 ? `${days} day${days === 1 ? '' : 's'}` : '', hours > 0 ? `${hours} h` : '', mins > 0 && days === 0 ? `${mins} min` : ''].filter(
    Boolean,
  );
  if (parts.length === 0) return 'now';
  const text = parts.join(' ');
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}
