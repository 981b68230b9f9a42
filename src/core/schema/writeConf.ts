// Writing a Schema as brat configuration, for brat exports: annotation.conf (types) and
// visual.conf (labels and colours). parseAnnotationConf reads the first back to the same types.

import { ANNOTATION_SECTIONS, ANY } from './bratConf';
import type { RoleDef, Schema } from './types';

interface TypeLike {
  readonly name: string;
  readonly parent?: string;
  readonly abstract?: boolean;
}

export function schemaToAnnotationConf(schema: Schema): string {
  const body = annotationConfLines(schema);
  const lines = ['# Written by Tawsim.'];
  for (const section of ANNOTATION_SECTIONS) lines.push(`[${section}]`, ...body[section], '');
  return lines.join('\n');
}

/** The lines of each annotation.conf section that declare the schema's types. */
export function annotationConfLines(schema: Omit<Schema, 'origin'>): Record<(typeof ANNOTATION_SECTIONS)[number], string[]> {
  const roles = new Map(schema.events.map((e) => [e.name, e.roles]));
  return {
    entities: treeLines(schema.entities, () => ''),
    relations: schema.relations.map((r) => withArgs(r.name, r.args.map((a) => `${a.role}:${targets(a.targets)}`))),
    events: treeLines(schema.events, (name) => args(roles.get(name)!.map((r) => `${r.name}${cardinality(r)}:${targets(r.targets)}`))),
    attributes: schema.attributes.map((a) =>
      withArgs(a.name, [`Arg:${targets(a.targets)}`, ...(a.values.length ? [`Value:${a.values.join('|')}`] : [])]),
    ),
  };
}

export function schemaToVisualConf(schema: Schema): string {
  const types = [...schema.entities, ...schema.events];
  const labels = types.map((t) => [t.name, ...new Set([t.label, t.arabicLabel])].join(' | '));
  const drawing = types.map((t) => `${t.name}\tbgColor:${t.color}`);
  return ['[labels]', ...labels, '', '[drawing]', ...drawing, ''].join('\n');
}

/** Types in hierarchy order, each indented one TAB per ancestor; `!` marks abstract types. */
function treeLines(types: readonly TypeLike[], tail: (name: string) => string): string[] {
  const names = new Set(types.map((t) => t.name));
  const lines: string[] = [];
  const done = new Set<string>();
  const visit = (t: TypeLike, depth: number) => {
    if (done.has(t.name)) return;
    done.add(t.name);
    lines.push('\t'.repeat(depth) + (t.abstract ? '!' : '') + t.name + tail(t.name));
    for (const child of types) if (child.parent === t.name) visit(child, depth + 1);
  };
  for (const t of types) if (t.parent === undefined || !names.has(t.parent)) visit(t, 0);
  for (const t of types) visit(t, 0); // a parent cycle, which a parsed conf cannot have
  return lines;
}

function withArgs(name: string, list: readonly string[]): string {
  return name + args(list);
}

function args(list: readonly string[]): string {
  return list.length ? `\t${list.join(', ')}` : '';
}

function targets(list: readonly string[]): string {
  return list.length ? list.join('|') : ANY;
}

function cardinality(r: RoleDef): string {
  if (r.min === 1 && r.max === 1) return '';
  if (r.min === 0 && r.max === 1) return '?';
  if (r.min === 0 && r.max === Infinity) return '*';
  if (r.min === 1 && r.max === Infinity) return '+';
  if (r.min === r.max) return `{${r.min}}`;
  return `{${r.min}-${r.max === Infinity ? '' : r.max}}`;
}
