// The line structure shared by brat's annotation.conf and visual.conf: `[section]` headers,
// `#` comments, `<NAME>=value` macros, `----` separators, and entry lines
// `<indent>TERM|ALIAS<whitespace>ARG, ARG` whose indent depth makes a hierarchy.

export interface ConfError {
  readonly file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  readonly line: number;
  readonly message: string;
}

export function formatConfError(e: ConfError): string {
  return e.line > 0 ? `${e.file}:${e.line}: ${e.message}` : `${e.file}: ${e.message}`;
}

export interface ConfEntry {
  readonly line: number;
  /** Number of whitespace characters before the first term (brat's depth). */
  readonly depth: number;
  /** The first is the type name; the others are aliases or labels. */
  readonly terms: readonly string[];
  readonly args: readonly string[];
}

export interface ConfSections {
  /** Entries by section name, for each section present (possibly empty). */
  readonly sections: ReadonlyMap<string, readonly ConfEntry[]>;
  readonly errors: ConfError[];
}

export interface ConfSyntax {
  readonly known: readonly string[];
  /** Sections whose terms are separated from arguments by a TAB only (brat's [labels]). */
  readonly tabSeparated?: readonly string[];
}

/** brat's reserved `<NAME>` strings, which macros cannot redefine. */
const RESERVED = new Set(['ANY', 'ENTITY', 'RELATION', 'EVENT', 'NONE', 'REL-TYPE', 'OVERLAP', 'OVL-TYPE']);

/** Splits a conf file into sections of entries. Macros apply to the lines after their definition. */
export function readConfSections(content: string, file: string, syntax: ConfSyntax): ConfSections {
  const sections = new Map<string, ConfEntry[]>();
  const errors: ConfError[] = [];
  const macros = new Map<string, string>();
  // undefined before the first header, null inside an unknown section (reported once, then skipped).
  let current: ConfEntry[] | null | undefined;
  let currentName = '';
  content
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((raw, i) => {
      const line = i + 1;
      const error = (message: string) => errors.push({ file, line, message });
      if (raw.trim() === '' || /^\s*#/.test(raw) || /^\s*-+\s*$/.test(raw)) return;
      const header = /^\s*\[(.*)\]\s*$/.exec(raw);
      if (header) {
        currentName = header[1].trim();
        if (!syntax.known.includes(currentName)) {
          error(`unknown section [${currentName}]; expected ${syntax.known.map((s) => `[${s}]`).join(', ')}`);
          current = null;
          return;
        }
        current = sections.get(currentName) ?? [];
        sections.set(currentName, current);
        return;
      }
      const macro = /^<([a-zA-Z_-]+)>=\s*(.*?)\s*$/.exec(raw);
      if (macro) {
        if (RESERVED.has(macro[1])) error(`<${macro[1]}> is reserved by brat and cannot be redefined`);
        else macros.set(`<${macro[1]}>`, macro[2]);
        return;
      }
      if (current === null) return;
      if (current === undefined) {
        error(`"${raw.trim()}" is outside any section; put it under a [section] header`);
        return;
      }
      let text = raw;
      for (const [name, value] of macros) text = text.split(name).join(value);
      const m = syntax.tabSeparated?.includes(currentName)
        ? /^(\s*)([^\t]+?)\s*(?:\t(.*))?$/.exec(text)
        : /^(\s*)(\S+)(?:\s+(.*))?$/.exec(text);
      if (!m) {
        error(`cannot read "${raw.trim()}"`);
        return;
      }
      const terms = m[2].split('|').map((t) => t.trim());
      if (terms.some((t) => t === '')) {
        error(`empty name in "${m[2]}"`);
        return;
      }
      const args = (m[3] ?? '').split(',').map((a) => a.trim()).filter(Boolean);
      current.push({ line, depth: m[1].length, terms, args });
    });
  return { sections, errors };
}

/** Splits `KEY:VALUE` at the first colon, as brat does; undefined when there is no colon or no key. */
export function splitArg(arg: string): { key: string; value: string } | undefined {
  const m = /^(\S*?):(\S*)$/.exec(arg);
  return m && m[1] !== '' ? { key: m[1], value: m[2] } : undefined;
}
