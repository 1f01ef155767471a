import type { ArmSummary, Derivation } from './types.js';

/** The derivations behind two arms, each listed once (a pooled SD is shared by both arms). */
export function armDerivations(arm1: ArmSummary, arm2: ArmSummary): Derivation[] {
  return [...new Set([...(arm1.derivations ?? []), ...(arm2.derivations ?? [])])];
}
