// brat's annotation.conf: which entity, relation, event and attribute types exist.
// The four sections must all be present (brat requires them, even empty). Indentation makes a type
// hierarchy; `!Type` is an abstract grouping type. Event roles take brat's cardinalities:
// `Role` (exactly 1), `Role?` (0–1), `Role*` (0–n), `Role+` (1–n), `Role{n}`, `Role{a-b}`, `Role{a-}`.

import { readConfSections, splitArg, type ConfEntry, type ConfError } from './confFile';
import type { AttributeDef, RelationTypeDef, RoleDef } from './types';

export interface ConfType {
  readonly name: string;
  readonly parent?: string;
  readonly abstract: boolean;
}

export interface ConfEventType extends ConfType {
  readonly roles: readonly RoleDef[];
}

/** The types an annotation.conf declares, before labels, colours and shortcuts are added. */
export interface AnnotationConf {
  readonly entities: readonly ConfType[];
  readonly events: readonly ConfEventType[];
  readonly relations: readonly RelationTypeDef[];
  readonly attributes: readonly AttributeDef[];
}

export interface AnnotationConfResult {
  /** Undefined when there is any error: the caller keeps its default schema. */
  readonly conf?: AnnotationConf;
  readonly errors: ConfError[];
  /** Things brat accepts but that deserve a look; the conf is still used. */
  readonly warnings: ConfError[];
}

export const ANNOTATION_SECTIONS = ['entities', 'relations', 'events', 'attributes'] as const;

/** brat's "any type" wildcard, stored as an empty target list. */
export const ANY = '<ANY>';

export function parseAnnotationConf(content: string, file: string): AnnotationConfResult {
  // brat reads [spans] as another name of [entities].
  const read = readConfSections(content, file, { known: [...ANNOTATION_SECTIONS, 'spans'] });
  const { errors } = read;
  const sections = new Map(read.sections);
  if (sections.has('spans')) sections.set('entities', [...(sections.get('entities') ?? []), ...sections.get('spans')!]);
  const warnings: ConfError[] = [];
  const at = (line: number) => (message: string) => ({ file, line, message });
  for (const s of ANNOTATION_SECTIONS) {
    if (!sections.has(s)) errors.push(at(0)(`section [${s}] is missing (brat needs [entities], [relations], [events] and [attributes], even if empty)`));
  }
  // Entity and event types share one namespace (both are T-line types); relations and attributes have their own.
  const typeLines = new Map<string, number>();
  const relationLines = new Map<string, number>();
  const attributeLines = new Map<string, number>();
  const declare = (entry: ConfEntry, declared: Map<string, number>) => {
    const name = entry.terms[0].replace(/^!/, '');
    const earlier = declared.get(name);
    if (earlier !== undefined) errors.push(at(entry.line)(`type ${name} is already declared on line ${earlier}`));
    declared.set(name, entry.line);
    if (!/^[A-Za-z0-9_-]+$/.test(name)) {
      warnings.push(at(entry.line)(`brat stores type names with letters A–Z, digits, _ and - only; it would rename "${name}"`));
    }
    return name;
  };

  const entities = hierarchy(sections.get('entities') ?? [], (entry, base) => {
    declare(entry, typeLines);
    if (entry.args.length) warnings.push(at(entry.line)(`entity type ${base.name} takes no arguments; "${entry.args.join(', ')}" is ignored`));
    return base;
  }, errors, file);

  const eventsByName = new Map<string, ConfEventType>();
  const events = hierarchy(sections.get('events') ?? [], (entry, base): ConfEventType => {
    declare(entry, typeLines);
    const roles: RoleDef[] = [];
    for (const arg of entry.args) {
      if (arg === '<INHERIT>') {
        // brat: the roles of the parent type come first.
        const inherited = base.parent ? eventsByName.get(base.parent)?.roles ?? [] : [];
        roles.unshift(...inherited.filter((r) => !roles.some((x) => x.name === r.name)));
        continue;
      }
      const role = parseRole(arg);
      if (typeof role === 'string') errors.push(at(entry.line)(`event ${base.name}: ${role}`));
      else if (role && roles.some((r) => r.name === role.name)) errors.push(at(entry.line)(`event ${base.name}: role ${role.name} appears twice`));
      else if (role) roles.push(role);
    }
    const event = { ...base, roles };
    eventsByName.set(event.name, event);
    return event;
  }, errors, file);

  const relations: RelationTypeDef[] = [];
  for (const entry of sections.get('relations') ?? []) {
    if (entry.terms[0].startsWith('<')) continue; // <OVERLAP> and other directives, not types
    // brat declares a relation once per pair of argument types: the lines of one name add up.
    const repeated = relations.findIndex((r) => r.name === entry.terms[0]);
    const name = repeated >= 0 ? entry.terms[0] : declare(entry, relationLines);
    const args: { role: string; targets: string[] }[] = [];
    for (const arg of entry.args) {
      const kv = splitArg(arg);
      if (!kv) errors.push(at(entry.line)(`relation ${name}: cannot read argument "${arg}"; expected Arg1:TYPE|TYPE`));
      else if (kv.key.startsWith('<')) continue; // <REL-TYPE>:symmetric-transitive and the like
      else {
        const targets = parseTargets(kv.value);
        if (targets) args.push({ role: kv.key, targets });
        else errors.push(at(entry.line)(`relation ${name}: empty type in "${arg}"`));
      }
    }
    if (repeated < 0) relations.push({ name, args });
    else relations[repeated] = { name, args: mergeArgs(relations[repeated].args, args) };
  }

  const attributes: AttributeDef[] = [];
  for (const entry of sections.get('attributes') ?? []) {
    const name = declare(entry, attributeLines);
    let targets: string[] | undefined;
    let values: string[] = [];
    for (const arg of entry.args) {
      const kv = splitArg(arg);
      const list = kv && parseTargets(kv.value);
      if (!kv || !list || (kv.key !== 'Arg' && kv.key !== 'Value')) {
        errors.push(at(entry.line)(`attribute ${name}: cannot read "${arg}"; expected Arg:TYPE|TYPE and optionally Value:V1|V2`));
      } else if (kv.key === 'Arg') targets = list;
      else values = list;
    }
    if (!targets) errors.push(at(entry.line)(`attribute ${name} needs Arg:TYPE (the types it applies to)`));
    attributes.push({ name, targets: targets ?? [], values });
  }

  return errors.length ? { errors, warnings } : { conf: { entities, events, relations, attributes }, errors, warnings };
}

/** The arguments of two lines of one relation: each role takes the types of both. */
function mergeArgs(a: RelationTypeDef['args'], b: RelationTypeDef['args']): RelationTypeDef['args'] {
  const out = a.map((x) => ({ role: x.role, targets: [...x.targets] }));
  for (const y of b) {
    const same = out.find((x) => x.role === y.role);
    if (!same) out.push({ role: y.role, targets: [...y.targets] });
    else for (const t of y.targets) if (!same.targets.includes(t)) same.targets.push(t);
  }
  return out;
}

/** Builds types of an indented section, naming each entry's parent. */
function hierarchy<T extends ConfType>(
  entries: readonly ConfEntry[],
  make: (entry: ConfEntry, base: ConfType) => T,
  errors: ConfError[],
  file: string,
): T[] {
  const out: T[] = [];
  const lastAtDepth: string[] = [];
  for (const entry of entries) {
    const abstract = entry.terms[0].startsWith('!');
    const name = entry.terms[0].replace(/^!/, '');
    let parent: string | undefined;
    if (entry.depth > 0) {
      parent = lastAtDepth[entry.depth - 1];
      if (parent === undefined) {
        errors.push({ file, line: entry.line, message: `${name} is indented ${entry.depth} deep but no type above it is indented ${entry.depth - 1}; indent a subtype one TAB more than its parent` });
      }
    }
    lastAtDepth.length = entry.depth;
    lastAtDepth[entry.depth] = name;
    out.push(make(entry, parent === undefined ? { name, abstract } : { name, parent, abstract }));
  }
  return out;
}

/** `Role`, `Role?`, `Role*`, `Role+`, `Role{n}`, `Role{a-b}`, `Role{a-}` with `:TYPE|TYPE`; a string is an error;
 * undefined for brat's special `<KEY>:value` arguments. */
function parseRole(arg: string): RoleDef | string | undefined {
  const kv = splitArg(arg);
  if (!kv) return `cannot read argument "${arg}"; expected Role:TYPE|TYPE`;
  if (kv.key.startsWith('<')) return undefined;
  const m = /^(.*?)(?:([?*+])|\{(\d+)(?:(-)(\d*))?\})?$/.exec(kv.key)!;
  const name = m[1];
  if (name === '' || /[{}?*+]/.test(name)) return `cannot read the role "${kv.key}"; cardinality is ?, *, +, {n} or {a-b}`;
  let min = 1;
  let max = 1;
  if (m[2]) [min, max] = m[2] === '?' ? [0, 1] : m[2] === '*' ? [0, Infinity] : [1, Infinity];
  else if (m[3] !== undefined) {
    min = Number(m[3]);
    max = m[4] ? (m[5] ? Number(m[5]) : Infinity) : min;
    if (max < min || max === 0) return `role ${name}: {${m[3]}${m[4] ?? ''}${m[5] ?? ''}} allows no argument; write {a-b} with a ≤ b and b ≥ 1`;
  }
  const targets = parseTargets(kv.value);
  if (!targets) return `role ${name}: empty type in "${arg}"`;
  return { name, targets, min, max };
}

/** `A|B` → [A, B]; `<ANY>` → [] (any type); undefined when a type is empty. */
function parseTargets(value: string): string[] | undefined {
  const targets = value.split('|').map((t) => t.trim());
  if (targets.some((t) => t === '')) return undefined;
  return targets.length === 1 && targets[0] === ANY ? [] : targets;
}
