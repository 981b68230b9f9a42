// Events read from a .ann, checked against the schema: a type or role it does not declare, and more
// or fewer arguments than a role's cardinality allows (brat flags the same). Reported, never changed.

import type { EventAnnotation } from '../model';
import type { Schema } from '../schema/types';
import { eventType } from './eventEditing';

const count = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;

export function eventSchemaProblems(events: readonly EventAnnotation[], schema: Schema): string[] {
  const out: string[] = [];
  for (const e of events) {
    const def = eventType(schema, e.type);
    if (!def) {
      out.push(`${e.id}: the schema has no event type ${e.type}`);
      continue;
    }
    for (const role of new Set(e.args.map((a) => a.role))) {
      if (!def.roles.some((r) => r.name === role)) out.push(`${e.id}: ${e.type} has no role ${role}`);
    }
    for (const r of def.roles) {
      const n = e.args.filter((a) => a.role === r.name).length;
      if (n > r.max) out.push(`${e.id}: ${r.name} of ${e.type} takes at most ${count(r.max)}; it has ${n}`);
      else if (n < r.min) out.push(`${e.id}: ${r.name} of ${e.type} needs at least ${count(r.min)}; it has ${n}`);
    }
  }
  return out;
}
