// The types a brat export's .ann files use, and how to declare those its annotation.conf lacks:
// brat cannot load an event whose type is declared as an entity type, nor show a relation or
// attribute its conf does not declare. Each undeclared type is declared with what the files use:
// an event type with the roles its events use (any number of each, the types they point at),
// a relation with its argument roles and types, an attribute with its values and target types.

import { parseEventLine } from '../formats/bratEvent';
import type { EntityAnnotation } from '../model';
import { paletteColors } from '../schema/palette';
import type { RoleDef, Schema } from '../schema/types';
import { annotationConfLines } from '../schema/writeConf';

/** Role (or attribute value) → the types it points at, per type name. */
type Uses = Map<string, Map<string, Set<string>>>;

/** The types a schema lacks, as a schema of only those. */
export type MissingTypes = Omit<Schema, 'origin'>;

export class UsedTypes {
  private readonly entities = new Set<string>();
  private readonly events: Uses = new Map();
  private readonly relations: Uses = new Map();
  /** Attribute → its values ('' for a binary attribute) → the types it is set on. */
  private readonly attributes: Uses = new Map();

  /** Adds an article's exported annotations and the non-T lines exported with them. */
  add(annotations: readonly EntityAnnotation[], lines: readonly string[]): void {
    const typeOf = new Map(annotations.map((a) => [a.id, a.type]));
    const events = lines.map((raw) => parseEventLine(raw)).filter((e) => typeof e !== 'string');
    for (const e of events) typeOf.set(e.id, e.type);
    const triggers = new Set(events.map((e) => e.trigger));
    for (const a of annotations) if (!triggers.has(a.id)) this.entities.add(a.type);
    const targets = (ids: readonly string[]) => ids.map((id) => typeOf.get(id)).filter((t): t is string => t !== undefined);
    for (const e of events) {
      use(this.events, e.type);
      for (const a of e.args) use(this.events, e.type, a.role, targets([a.target]));
    }
    for (const raw of lines) {
      const [id, body = ''] = raw.split('\t');
      const [type, ...rest] = body.trim().split(/\s+/);
      if (!type) continue;
      if (/^R\d+$/.test(id)) {
        use(this.relations, type);
        for (const pair of rest) {
          const colon = pair.lastIndexOf(':');
          if (colon > 0) use(this.relations, type, pair.slice(0, colon), targets([pair.slice(colon + 1)]));
        }
      } else if (/^[AM]\d+$/.test(id) && rest.length) {
        use(this.attributes, type, rest[1] ?? '', targets([rest[0]]));
      }
    }
  }

  /** The used types `schema` does not declare, declared from their uses. */
  missingFrom(schema: Schema): MissingTypes {
    const declared = new Set([...schema.entities, ...schema.events, ...schema.relations, ...schema.attributes].map((t) => t.name));
    const missing = <T>(uses: Uses, declare: (name: string, roles: Map<string, Set<string>>) => T) =>
      [...uses].filter(([name]) => !declared.has(name)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, roles]) => declare(name, roles));
    const events = missing(this.events, (name, roles) => ({ name, label: name, arabicLabel: name, color: '', roles: [...roles].map(([role, types]): RoleDef => ({ name: role, targets: sorted(types), min: 0, max: Infinity })) }));
    const eventNames = new Set(events.map((e) => e.name));
    const entities = [...this.entities].filter((t) => !declared.has(t) && !eventNames.has(t)).sort();
    const colors = paletteColors([...entities, ...eventNames], [...schema.entities, ...schema.events].map((t) => t.color));
    return {
      entities: entities.map((name) => ({ name, label: name, arabicLabel: name, color: colors.get(name)! })),
      events: events.map((e) => ({ ...e, color: colors.get(e.name)! })),
      relations: missing(this.relations, (name, roles) => ({ name, args: [...roles].map(([role, types]) => ({ role, targets: sorted(types) })) })),
      attributes: missing(this.attributes, (name, values) => ({
        name,
        targets: sorted(new Set([...values.values()].flatMap((types) => [...types]))),
        values: sorted(new Set([...values.keys()].filter(Boolean))),
      })),
    };
  }
}

export function isEmpty(m: MissingTypes): boolean {
  return !m.entities.length && !m.events.length && !m.relations.length && !m.attributes.length;
}

/** "entity types CITY; event types Protest" — for the export's message. */
export function describeMissing(m: MissingTypes): string {
  const parts: [string, readonly { name: string }[]][] = [
    ['entity types', m.entities],
    ['event types', m.events],
    ['relation types', m.relations],
    ['attributes', m.attributes],
  ];
  return parts
    .filter(([, list]) => list.length)
    .map(([kind, list]) => `${kind} ${list.map((t) => t.name).join(', ')}`)
    .join('; ');
}

/** The schema with the missing types added. */
export function withMissing(schema: Schema, m: MissingTypes): Schema {
  return {
    ...schema,
    entities: [...schema.entities, ...m.entities],
    events: [...schema.events, ...m.events],
    relations: [...schema.relations, ...m.relations],
    attributes: [...schema.attributes, ...m.attributes],
  };
}

/** A valid annotation.conf's text (it has every section) with the missing types added at the top of their sections. */
export function confWithMissing(conf: string, m: MissingTypes): string {
  if (isEmpty(m)) return conf;
  const eol = conf.includes('\r\n') ? '\r\n' : '\n';
  let out = conf;
  for (const [section, lines] of Object.entries(annotationConfLines(m))) {
    const header = new RegExp(`^[ \\t]*\\[(${section === 'entities' ? 'entities|spans' : section})\\][ \\t]*$`, 'm');
    if (lines.length) out = out.replace(header, (h) => [h, ...lines].join(eol));
  }
  return out;
}

function use(uses: Uses, type: string, role?: string, targets: readonly string[] = []): void {
  const roles = uses.get(type) ?? new Map<string, Set<string>>();
  uses.set(type, roles);
  if (role === undefined) return;
  const types = roles.get(role) ?? new Set<string>();
  roles.set(role, types);
  for (const t of targets) types.add(t);
}

function sorted(set: ReadonlySet<string>): string[] {
  return [...set].sort();
}
