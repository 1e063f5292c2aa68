// Generated from schemas/ by `npm run gen:types`. Do not edit by hand.
/* eslint-disable */

/**
 * A customer segment such as staff, fleet or vip (ev-billing user types).
 */
export interface UserType {
  /**
   * Source format version.
   */
  apiVersion: 'promoc/v1';
  /**
   * Resource kind.
   */
  kind: 'UserType';
  metadata: Metadata;
  /**
   * The UserType's definition.
   */
  spec: {
    /**
     * Who belongs to this type.
     */
    description?: string;
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
