// Stored shapes of the Lago emulator. Amounts are integer cents, as Lago's API sends them.

export type CouponType = 'fixed_amount' | 'percentage';
export type Frequency = 'once' | 'recurring' | 'forever';
export type Expiration = 'no_expiration' | 'time_limit';

export interface Coupon {
  lago_id: string;
  name: string;
  code: string;
  description: string | null;
  coupon_type: CouponType;
  amount_cents: number | null;
  amount_currency: string | null;
  /** Stored as a number; shown as Lago's decimal string ("10.0"). */
  percentage_rate: number | null;
  reusable: boolean;
  frequency: Frequency;
  frequency_duration: number | null;
  expiration: Expiration;
  expiration_at: string | null;
  plan_codes: string[];
  billable_metric_codes: string[];
  created_at: string;
  terminated_at: string | null;
  /** Soft delete: the row stays (applied coupons still point at it) and the code is free again. */
  deleted_at: string | null;
}

export interface Customer {
  lago_id: string;
  sequential_id: number;
  external_id: string;
  name: string | null;
  email: string | null;
  currency: string | null;
  timezone: string | null;
  created_at: string;
  updated_at: string;
}

export interface Credit {
  lago_id: string;
  amount_cents: number;
  amount_currency: string;
  invoice_id: string;
  created_at: string;
}

export interface AppliedCoupon {
  lago_id: string;
  coupon_id: string;
  customer_id: string;
  status: 'active' | 'terminated';
  amount_cents: number | null;
  amount_cents_remaining: number | null;
  amount_currency: string | null;
  percentage_rate: number | null;
  frequency: Frequency;
  frequency_duration: number | null;
  frequency_duration_remaining: number | null;
  created_at: string;
  terminated_at: string | null;
  credits: Credit[];
}

export interface InvoiceFee {
  amount_cents: number;
  plan_code: string | null;
  billable_metric_code: string | null;
  precise_coupons_amount_cents: number;
}

export interface Invoice {
  lago_id: string;
  customer_id: string;
  currency: string;
  fees: InvoiceFee[];
  fees_amount_cents: number;
  coupons_amount_cents: number;
  sub_total_excluding_taxes_amount_cents: number;
  taxes_rate: number;
  taxes_amount_cents: number;
  total_amount_cents: number;
  issued_at: string;
}

export interface LagoTenant {
  coupons: Record<string, Coupon>;
  customers: Record<string, Customer>;
  appliedCoupons: Record<string, AppliedCoupon>;
  invoices: Record<string, Invoice>;
}

export function emptyLagoTenant(): LagoTenant {
  return { coupons: {}, customers: {}, appliedCoupons: {}, invoices: {} };
}
