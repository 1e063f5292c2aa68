// Stored shapes of the EV billing emulator (Dynamo CSMS style). Money is kept in minor units;
// the API shows major-unit numbers, as the vendor's examples do (0.42, 12.5).

export type DiscountType = 'percent' | 'fixed';

export interface PromoCode {
  code_id: string;
  code: string;
  discount_type: DiscountType;
  /** As given: a percentage (25) or a major-unit amount (5.5). */
  discount_value: number;
  currency: string | null;
  max_uses: number | null;
  max_uses_per_user: number | null;
  expires_at: string | null;
  description: string | null;
  uses_count: number;
  created_at: string;
}

export type SessionStatus = 'completed' | 'in_progress' | 'failed';

/** Charging sessions are not created through this API; tests seed them via /__emulator/sessions. */
export interface Session {
  session_id: string;
  user_id: string;
  status: SessionStatus;
  total_minor: number;
  currency: string;
  ended_at: string | null;
  redemption_id: string | null;
}

export interface Redemption {
  redemption_id: string;
  code_id: string;
  session_id: string;
  user_id: string;
  currency: string;
  total_before_minor: number;
  discount_minor: number;
  redeemed_at: string;
}

export interface UserType {
  user_type_id: string;
  name: string;
  description: string | null;
  created_at: string;
}

export interface Assignment {
  user_id: string;
  user_type_id: string;
  assigned_at: string;
}

export interface EvTenant {
  codes: Record<string, PromoCode>;
  sessions: Record<string, Session>;
  redemptions: Record<string, Redemption>;
  userTypes: Record<string, UserType>;
  /** Keyed by user_id: assignment replaces the previous type. */
  assignments: Record<string, Assignment>;
}

export function emptyEvTenant(): EvTenant {
  return { codes: {}, sessions: {}, redemptions: {}, userTypes: {}, assignments: {} };
}
