/**
 * Shapes shared by the continuous-outcome functions: an arm's summary statistics and
 * the record of how a summary statistic was derived when it was not reported.
 */

/**
 * How a number that the paper did not print was obtained. Results carry these so a
 * reader can see every assumption behind an estimate.
 */
export interface Derivation {
  /** What was derived, e.g. `sd`, `mean`, `pooled sd`. */
  quantity: string;
  /** Short method name, e.g. `sd-from-se`, `wan-2014`, `cochrane-p-to-sd`. */
  method: string;
  /** The formula used, in plain text. */
  formula: string;
  /** What has to hold for the derived value to be right. */
  assumptions: string[];
  /** The numbers that went in. */
  inputs: Record<string, number>;
  /** Intermediate numbers (quantiles, weights, SE), for `--explain`. */
  intermediate: Record<string, number>;
  /** Paper or book the method comes from. */
  reference: string;
}

/** A derived number with its derivation. */
export interface Derived {
  value: number;
  derivation: Derivation;
  warnings: string[];
}

/** Summary statistics of one arm. */
export interface ArmSummary {
  n: number;
  mean: number;
  sd: number;
  /** How `sd` (or `mean`) was obtained when it was not reported directly. */
  derivations?: readonly Derivation[];
}
