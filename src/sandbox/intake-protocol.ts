/** What the server's thread and a reader thread say to each other. */
import type { ParseLimits } from '../messages/limits.js';
import type { IntakeResult } from './intake.js';

/** A posted message to read: its text, the `X-Cbec-Script` header ('' when none) and the limits. */
export interface ReadJob {
  readonly id: number;
  readonly text: string;
  readonly script: string;
  readonly limits: ParseLimits;
}

/** What reading a job gave, or `inline` when the server's own thread must read it. */
export type ReadReply = { readonly id: number; readonly result: IntakeResult } | { readonly id: number; readonly inline: true };
