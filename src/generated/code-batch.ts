// Generated from schemas/ by `npm run gen:types`. Do not edit by hand.
/* eslint-disable */

/**
 * A batch of codes issued from a Promotion: single-use codes (mobility redeemable constraint vouchers), or codes each redeemable several times (mobility redeemable vouchers) with usesPerCode.
 */
export interface CodeBatch {
  /**
   * Source format version.
   */
  apiVersion: 'promoc/v1';
  /**
   * Resource kind.
   */
  kind: 'CodeBatch';
  metadata: Metadata;
  /**
   * The CodeBatch's definition.
   */
  spec: {
    /**
     * The metadata.name of another resource in this repository.
     */
    campaign: string;
    /**
     * How many codes to issue.
     */
    count: number;
    /**
     * Code prefix, uppercase letters and digits, e.g. WELCOME.
     */
    prefix?: string;
    /**
     * Total code length including the prefix. Default 12.
     */
    length?: number;
    /**
     * Days a code stays redeemable after issue.
     */
    validForDays?: number;
    /**
     * How many times each code can be redeemed (mobility multi-use redeemable vouchers, POST /vouchers/redeemable with redeemLimitPerCode). Absent: single-use codes that become the customer's constraint vouchers (POST /vouchers/redeemable/constraint).
     */
    usesPerCode?: number;
    /**
     * active: live and redeemable; inactive: kept as a draft / deactivated.
     */
    status?: 'active' | 'inactive';
  };
}
/**
 * Identity and bookkeeping of a resource. Never sent to customers.
 */
export interface Metadata {
  /**
   * Stable key within the kind (kebab-case). Renaming it means a new resource.
   */
  name: string;
  /**
   * Internal note for reviewers; never shown to customers.
   */
  description?: string;
  labels?: Labels;
}
/**
 * Free-form labels, e.g. team: growth.
 */
export interface Labels {
  [k: string]: string | undefined;
}
