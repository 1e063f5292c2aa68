// Money as integer minor units, as every target and the engine count it: ISO 4217 exponents, and rounding half away
// from zero. The emulators use this for their own results (apply-code totals, invoice coupons, simulations)
// independently of promoc's engine, so the two can be cross-checked.

const CODES = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD
CAD CDF CHF CLF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ
GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN
PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD
TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL`;

export const ISO_4217: ReadonlySet<string> = new Set(CODES.split(/\s+/));

// ISO 4217 minor-unit exponents that differ from the usual 2.
const EXPONENT_0 = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const EXPONENT_3 = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

export function currencyExponent(currency: string): number {
  if (EXPONENT_0.has(currency)) return 0;
  if (EXPONENT_3.has(currency)) return 3;
  return 2;
}

/** Half away from zero, the rounding of every discount (the engine's too). */
export function roundHalfAwayFromZero(x: number): number {
  const r = Math.round(Math.abs(x) + Number.EPSILON * Math.abs(x));
  return x < 0 ? -r : r;
}

/**
 * A major-unit decimal (12.5 EUR) as minor units (1250), or undefined when it has more decimals than the
 * currency allows. A tolerance absorbs binary float noise (0.29 * 100 = 28.999999999999996).
 */
export function toMinor(major: number, currency: string): number | undefined {
  const scaled = major * 10 ** currencyExponent(currency);
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : undefined;
}

/** Minor units back to a major-unit number (1250 EUR → 12.5). */
export function toMajor(minor: number, currency: string): number {
  const exp = currencyExponent(currency);
  return Number((minor / 10 ** exp).toFixed(exp));
}

/** Minor units as a fixed decimal string (1250 EUR → "12.50"), for APIs that send money as strings. */
export function toDecimalString(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  return (minor / 10 ** exp).toFixed(exp);
}

/** A decimal string ("12.50", "12") as minor units, or undefined when malformed or too precise. */
export function decimalStringToMinor(text: string, currency: string): number | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return toMinor(Number(text), currency);
}

/** Percentage of an amount in minor units, rounded half away from zero and never above the amount. */
export function percentOf(amountMinor: number, percent: number): number {
  return Math.min(amountMinor, roundHalfAwayFromZero((amountMinor * percent) / 100));
}
