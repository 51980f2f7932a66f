/** A row of a small customs code table: the code and its Chinese and English names. */
export interface CodeName {
  /** The code as declarations carry it. */
  readonly code: string;
  /** Chinese name as the customs table gives it. */
  readonly zh: string;
  /** English name. */
  readonly name: string;
}
