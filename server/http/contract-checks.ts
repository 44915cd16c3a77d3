/**
 * Whether the embedded backend compares its answers with the endpoint registry, and what it
 * found (see endpoint.ts). Kept apart from the handlers, which import every contract, so that
 * the test setup that switches the checks on (src/testing/setup-tests.ts) costs a test file
 * that never calls the backend nothing.
 */

export interface ContractViolation {
  endpoint: string;
  status: number;
  problem: string;
}

let checking = false;
const violations: ContractViolation[] = [];

export function checkContracts(on: boolean): void {
  checking = on;
}

export function checkingContracts(): boolean {
  return checking;
}

export function recordContractViolation(violation: ContractViolation): void {
  violations.push(violation);
}

/** The violations recorded since the last call. */
export function takeContractViolations(): ContractViolation[] {
  return violations.splice(0);
}
