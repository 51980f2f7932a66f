/** Caps that keep parsing hostile input cheap (docs/architecture.md). */

/** Limits applied before and while XML is read. */
export interface ParseLimits {
  /** Largest input accepted, in UTF-8 bytes. Default 5 MiB. */
  readonly maxBytes: number;
  /** Deepest element nesting accepted. Default 32 (a signed CEB message needs 7). */
  readonly maxDepth: number;
  /** Most same-named sibling elements accepted (e.g. InventoryList lines). Default 1000. */
  readonly maxRepeat: number;
  /** Most issues reported before giving up on a message. Default 100. */
  readonly maxIssues: number;
}

/** The default {@link ParseLimits}. */
export const DEFAULT_LIMITS: ParseLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 32, maxRepeat: 1000, maxIssues: 100 };
