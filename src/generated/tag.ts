// Generated from schemas/ by `npm run gen:types`. Do not edit by hand.
/* eslint-disable */

/**
 * A custom or system tag (mobility annotation) assigned to customers, vehicles or business accounts.
 */
export interface Tag {
  /**
   * Source format version.
   */
  apiVersion: 'promoc/v1';
  /**
   * Resource kind.
   */
  kind: 'Tag';
  metadata: Metadata;
  /**
   * The Tag's definition.
   */
  spec: {
    /**
     * TAG: a custom tag; LABEL: a system label (mobility annotation type).
     */
    type: 'TAG' | 'LABEL';
    /**
     * What the tag is assigned to.
     *
     * @minItems 1
     *
     * Items: A subject type.
     */
    subjects: ['user' | 'vehicle' | 'group' | 'booking', ...('user' | 'vehicle' | 'group' | 'booking')[]];
    /**
     * What the tag means and who assigns it.
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
