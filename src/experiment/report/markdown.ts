/** The experiment report as Markdown. */
import type { ExperimentResult } from '../results.js';
import { designSentence, differenceSentence, outputHeading, pointNotes } from './format.js';
import { differencesTable, estimatesTable, factorsTable, replicationsTable, type TextTable } from './tables.js';

function markdownTable(table: TextTable): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(table.header), line(table.header.map(() => '---')), ...table.rows.map(line)].join('\n');
}

/**
 * The experiment's result as Markdown: what was run, the factors, then for each output the mean
 * and interval at each point and each point's difference from the baseline, and where every
 * replication's own report is.
 */
export function experimentToMarkdown(result: ExperimentResult): string {
  const e = result.experiment;
  const parts = [`# ${e.name}`, '', designSentence(result), ''];
  if (e.factors.length > 0) parts.push('## Factors', '', markdownTable(factorsTable(result)), '');
  for (const output of e.outputs) {
    parts.push(`## ${outputHeading(output)}`, '', markdownTable(estimatesTable(result, output.path)), '');
    const differences = differencesTable(result, output.path);
    if (differences.rows.length > 0) parts.push(differenceSentence(result), '', markdownTable(differences), '');
  }
  parts.push('## Replications', '', markdownTable(replicationsTable(result)), '', ...pointNotes(result).flatMap((note) => [note, '']));
  return parts.join('\n');
}
