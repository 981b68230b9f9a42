// brat's visual.conf: display labels (`[labels]`, `PER | Person | Pers`, long to short) and colours
// (`[drawing]`, `PER<TAB>bgColor:#7fa2ff`). It is optional and only changes how types look, so
// everything wrong in it is a warning: the line is skipped and the rest is used.

import { readConfSections, splitArg, type ConfError } from './confFile';
import colorNames from 'color-name';

export interface VisualConf {
  /** Labels by type name, long to short. */
  readonly labels: ReadonlyMap<string, readonly string[]>;
  /** `#rrggbb` background colours by type name. */
  readonly colors: ReadonlyMap<string, string>;
}

export function parseVisualConf(content: string, file: string): { visual: VisualConf; warnings: ConfError[] } {
  const { sections, errors: warnings } = readConfSections(content, file, {
    known: ['labels', 'drawing', 'options'],
    tabSeparated: ['labels'],
  });
  const labels = new Map<string, string[]>();
  for (const entry of sections.get('labels') ?? []) {
    if (entry.terms.length < 2) warnings.push({ file, line: entry.line, message: `no label for ${entry.terms[0]}; write "${entry.terms[0]} | Label"` });
    else labels.set(entry.terms[0], entry.terms.slice(1));
  }
  const colors = new Map<string, string>();
  for (const entry of sections.get('drawing') ?? []) {
    for (const arg of entry.args) {
      const kv = splitArg(arg);
      if (kv?.key !== 'bgColor') continue; // fgColor, borderColor, arc styles: brat's, not ours
      const color = hexColor(kv.value);
      if (color) colors.set(entry.terms[0], color);
      else warnings.push({ file, line: entry.line, message: `colour "${kv.value}" of ${entry.terms[0]} is not #rgb, #rrggbb or a CSS colour name; a palette colour is used` });
    }
  }
  return { visual: { labels, colors }, warnings };
}

/** `#rgb`, `#rrggbb` (any case) or a CSS colour name (brat's own visual.conf uses `lightgreen`) as lower-case `#rrggbb`. */
function hexColor(value: string): string | undefined {
  if (/^#[0-9a-f]{6}$/i.test(value)) return value.toLowerCase();
  if (/^#[0-9a-f]{3}$/i.test(value)) return ('#' + [...value.slice(1)].map((c) => c + c).join('')).toLowerCase();
  const name = value.toLowerCase();
  const rgb = Object.hasOwn(colorNames, name) ? colorNames[name as keyof typeof colorNames] : undefined;
  return rgb && '#' + rgb.map((c) => c.toString(16).padStart(2, '0')).join('');
}
