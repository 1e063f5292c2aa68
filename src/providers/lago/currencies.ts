// The currencies Lago accepts for a coupon amount (its OpenAPI Currency enum): narrower than ISO 4217 and with
// a few legacy codes (HRK, MRO, SLL, STD). The emulator keeps its own copy on purpose: it is the independent
// oracle the provider is tested against, so the two must not share a source.
const CODES = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BIF BMD
BND BOB BRL BSD BWP BYN BZD CAD CDF CHF CLF CLP CNY COP CRC CVE
CZK DJF DKK DOP DZD EGP ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF
GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR ISK JMD JPY KES KGS KHR
KMF KRW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP
MRO MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK
PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SEK SGD SHP SLL
SOS SRD STD SZL THB TJS TOP TRY TTD TWD TZS UAH UGX USD UYU UZS
VND VUV WST XAF XCD XOF XPF YER ZAR ZMW`;

export const LAGO_CURRENCIES: ReadonlySet<string> = new Set(CODES.split(/\s+/));
