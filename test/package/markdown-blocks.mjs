// The fenced code blocks of a Markdown file, with the snippet annotation written before each.
//
// An annotation is an HTML comment on the line right before the fence (invisible on GitHub and
// npm): `<!-- snippet: KIND -->`. The kinds are documented in docs/snippets.md.

/** Annotations a block may carry, and what the snippet test does with it. */
export const SNIPPET_KINDS = ['run', 'script', 'typecheck', 'test', 'repository'];

/**
 * Every fenced block of `text`: `{ file, line, lang, kind, code }`. `kind` is the annotation, or
 * `run` for `ts` and `sh` blocks without one, or `none` for other languages (sample output, data,
 * diagrams), which are never run.
 */
export function markdownBlocks(text, file) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const lang = open[2];
    const start = i;
    const body = [];
    for (i++; i < lines.length && lines[i] !== fence; i++) body.push(lines[i]);
    if (i >= lines.length) throw new Error(`${file}:${start + 1}: a code block is never closed`);
    const note = /^<!--\s*snippet:\s*([a-z-]+)\s*-->$/.exec(lines[start - 1]?.trim() ?? '');
    const kind = note ? note[1] : lang === 'ts' || lang === 'sh' ? 'run' : 'none';
    if (!SNIPPET_KINDS.includes(kind) && kind !== 'none') throw new Error(`${file}:${start}: unknown snippet annotation '${kind}'; use one of ${SNIPPET_KINDS.join(', ')}`);
    if (lang === '') throw new Error(`${file}:${start + 1}: a code block needs a language (ts, sh, text for sample output, json, ...)`);
    blocks.push({ file, line: start + 1, lang, kind, code: body.join('\n') });
  }
  return blocks;
}

/**
 * The commands of a `sh` block, one per line, with the exit code each expects: 0, or N when the
 * line ends with a comment saying `exits N` (`npx cbec-sim validate bad.xml   # exits 1: ...`).
 */
export function shellCommands(code) {
  return code
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      const comment = line.indexOf(' #');
      const command = (comment === -1 ? line : line.slice(0, comment)).trim();
      const exits = /#\s*exits?\s+(\d+)/.exec(line);
      return { command, exit: exits ? Number(exits[1]) : 0 };
    });
}
