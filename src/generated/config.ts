// Generated from schemas/ by `npm run gen:types`. Do not edit by hand.
/* eslint-disable */

/**
 * promoc.config.yaml: where the campaigns are, how lint behaves, and the targets plan/apply talk to. Found from the working directory upwards.
 */
export interface PromocConfig {
  /**
   * Config format version.
   */
  apiVersion: 'promoc/v1';
  /**
   * Always Config.
   */
  kind: 'Config';
  /**
   * Glob patterns, relative to this file, of the campaign YAML files. Default: ["campaigns/** /*.{yaml,yml}"].
   *
   * @minItems 1
   *
   * Items: A glob such as campaigns/** /*.yaml.
   */
  campaigns?: [string, ...string[]];
  /**
   * Lint settings.
   */
  lint?: {
    /**
     * Rule id → severity (error, warning, info) or off; warn is accepted for warning.
     */
    rules?: {
      /**
       * Severity, or off to disable the rule.
       */
      [k: string]: 'error' | 'warning' | 'warn' | 'info' | 'off' | undefined;
    };
    /**
     * stacking/excessive-combined-discount fires at or above this worst-case combined percentage. Default 100.
     */
    maxCombinedDiscountPercent?: number;
  };
  /**
   * Validation cache, keyed by file content, schema and tool version (like ESLint's --cache).
   */
  cache?: {
    /**
     * Default true.
     */
    enabled?: boolean;
    /**
     * Cache folder relative to this file. Default .promoc-cache.
     */
    dir?: string;
  };
  /**
   * promoc's scheduler: the workflow that runs `promoc apply --due` to launch campaigns on targets without a start date.
   */
  schedule?: {
    /**
     * How often the scheduled workflow runs `apply --due`, in minutes (keep its cron in step). A launch can be this late; lint warns about launches closer than this and windows shorter than it. Default 15.
     */
    granularityMinutes?: number;
  };
  /**
   * Target used when --target is not given. Default local (the embedded emulators).
   */
  defaultTarget?: string;
  /**
   * Whether plan and apply remove (delete, archive or deactivate, as each API allows) live objects promoc manages that are no longer in the repository. Default true; targets.<name>.prune overrides it, --prune / --no-prune for one run.
   */
  prune?: boolean;
  /**
   * The lock that keeps one apply per API at a time, across target names, checkouts and machines. Its identity is the API (provider, normalized base URL, organisation), never the target name.
   */
  lock?: {
    /**
     * file (default): lock files in lock.dir, shared by every checkout on this machine. redis: one Redis key per API (SET NX PX with a fencing token, renewed while applying), for applies from several machines.
     */
    backend?: 'file' | 'redis';
    /**
     * file backend: the folder of the lock files, relative to this file. Default: promoc-locks in the system's temporary folder.
     */
    dir?: string;
    /**
     * redis backend: environment variable with the Redis URL (redis://[user:password@]host:port[/db]). Default PROMOC_LOCK_REDIS_URL.
     */
    redisUrlEnv?: string;
    /**
     * redis backend: how long a lock outlives a holder that stopped renewing it (a killed process); renewed every third of it. Default 30000.
     */
    ttlMs?: number;
  };
  /**
   * Named environments plan/apply can talk to. 'local' (the in-process emulators) always exists.
   */
  targets?: {
    [k: string]: Target | undefined;
  };
}
/**
 * One live API a plan is computed against.
 */
export interface Target {
  /**
   * Which API family the target speaks.
   */
  provider: 'ev-billing' | 'mobility' | 'promotions' | 'lago';
  /**
   * API base URL. Must be https unless it is a loopback address.
   */
  baseUrl: string;
  /**
   * Organisation / tenant id (the mobility tenant goes into the URL path).
   */
  organization?: string;
  /**
   * Names of environment variables that hold the secrets; secrets never live in this file. The variables directly under credentials serve reading and writing; read and write name separate ones (plan, import and drift use read, apply uses write).
   */
  credentials?: {
    /**
     * Environment variable with the API key / bearer token.
     */
    apiKeyEnv?: string;
    /**
     * Environment variable with the mobility API client id.
     */
    clientIdEnv?: string;
    /**
     * Environment variable with the mobility API client key.
     */
    clientKeyEnv?: string;
    read?: CredentialVariables;
    write?: CredentialVariables;
  };
  /**
   * Only these kinds are planned against this target. Default: every kind the provider can express.
   *
   * Items: A kind name, e.g. Promotion.
   */
  kinds?: string[];
  /**
   * Only resources whose metadata.labels match all of these are planned against this target.
   */
  selector?: {
    [k: string]: string | undefined;
  };
  /**
   * Overrides the top-level prune for this target.
   */
  prune?: boolean;
  /**
   * The GitHub environment the apply job of this target runs in (add required reviewers there). Default promoc-<target name>.
   */
  environment?: string;
  /**
   * Client-side request pacing. Default 10.
   */
  rateLimitPerSecond?: number;
  /**
   * Per-request timeout. Default 15000.
   */
  timeoutMs?: number;
  /**
   * The organisation's default currency (EV billing fixed discounts are in it). Default EUR.
   */
  currency?: string;
  /**
   * Requests in flight at once. Default 8.
   */
  concurrency?: number;
  /**
   * Items per list page, capped at what the API allows. Default: the API's maximum, or 100.
   */
  pageSize?: number;
  /**
   * Mobility only: the numeric ids the API uses for the names campaigns use (targeting.branches, targeting.vehicleCategories, entitlement.addition, providers.mobility.businessUnit). Numeric names pass through.
   */
  ids?: {
    /**
     * Branch name → id.
     */
    branches?: {
      /**
       * Branch id.
       */
      [k: string]: number | undefined;
    };
    /**
     * Vehicle category name → id.
     */
    vehicleCategories?: {
      /**
       * Vehicle category id.
       */
      [k: string]: number | undefined;
    };
    /**
     * Addition code → id.
     */
    additions?: {
      /**
       * Addition id.
       */
      [k: string]: number | undefined;
    };
    /**
     * Business unit name → id.
     */
    businessUnits?: {
      /**
       * Business unit id.
       */
      [k: string]: number | undefined;
    };
    /**
     * Business unit that owns templates without providers.mobility.businessUnit. Default 1.
     */
    defaultBusinessUnit?: number;
  };
}
/**
 * Environment variable names of one set of credentials.
 */
export interface CredentialVariables {
  /**
   * Environment variable with the API key / bearer token.
   */
  apiKeyEnv?: string;
  /**
   * Environment variable with the mobility API client id.
   */
  clientIdEnv?: string;
  /**
   * Environment variable with the mobility API client key.
   */
  clientKeyEnv?: string;
}
