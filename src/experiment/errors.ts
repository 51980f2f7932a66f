/**
 * The errors of experiments: a definition that cannot run as written, and a run that could not
 * finish (a replication failed, the run was aborted, a merge lacks units).
 */
import { CbecError, ValidationError, type ValidationIssue } from '../domain/errors.js';

/** An experiment file or object refused: `issues` names every problem by its path in the file. */
export class ExperimentError extends ValidationError {
  override readonly name: string = 'ExperimentError';
  constructor(issues: readonly ValidationIssue[]) {
    super(issues, 'Invalid experiment', 'INVALID_EXPERIMENT');
  }
}

/** An experiment that could not finish: a replication threw, the run was aborted, or units are missing. */
export class ExperimentRunError extends CbecError {
  override readonly name: string = 'ExperimentRunError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('EXPERIMENT', message, options);
  }
}
