/**
 * Finds the exports of entry modules that have no doc comment, with the TypeScript compiler API:
 * each entry's exported symbols are resolved through re-exports to their declarations, and an
 * export counts as documented when one of its declarations has a TSDoc summary.
 */
import { relative } from 'node:path';
import ts from 'typescript';

/** An export without a doc comment. */
export interface UndocumentedExport {
  /** The entry module it is exported from, relative to `root`. */
  readonly entry: string;
  /** The exported name. */
  readonly name: string;
  /** Where it is declared, `path:line`, relative to `root`. */
  readonly declaredAt: string;
}

function compilerOptions(tsconfig: string): ts.CompilerOptions {
  const config = ts.readConfigFile(tsconfig, (path) => ts.sys.readFile(path));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, relative(process.cwd(), tsconfig).replace(/[^/]*$/, '') || '.').options;
}

/** What {@link auditExports} found. */
export interface ExportAudit {
  /** How many exports were checked, over all entries. */
  readonly checked: number;
  /** The exports without a doc comment, sorted by entry and name. */
  readonly undocumented: readonly UndocumentedExport[];
}

/**
 * Checks every export of `entries` for a doc comment.
 *
 * @param root - the directory paths in the result are relative to
 * @param tsconfig - the compiler options to resolve modules with
 */
export function auditExports(entries: readonly string[], root: string, tsconfig: string): ExportAudit {
  const program = ts.createProgram({ rootNames: [...entries], options: { ...compilerOptions(tsconfig), noEmit: true } });
  const checker = program.getTypeChecker();
  const found: UndocumentedExport[] = [];
  let checked = 0;
  for (const entry of entries) {
    const source = program.getSourceFile(entry);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${entry} is not a module the compiler can read.`);
    for (const exported of checker.getExportsOfModule(module)) {
      checked++;
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const documented = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== '';
      if (documented) continue;
      const declaration = symbol.declarations?.[0];
      const file = declaration?.getSourceFile();
      const line = file && declaration ? file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1 : 0;
      found.push({ entry: relative(root, entry), name: exported.name, declaredAt: file ? `${relative(root, file.fileName)}:${line}` : '(no declaration)' });
    }
  }
  return { checked, undocumented: found.sort((a, b) => (a.entry + a.name < b.entry + b.name ? -1 : 1)) };
}
