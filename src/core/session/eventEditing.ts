// What the annotator does to events: accept a suggested one (trigger, argument entities, event),
// reject it, make one from a selected trigger, retype it, add and remove arguments, delete it.
// Roles and argument types follow the schema (brat cardinalities: a role whose maximum is one is
// replaced, not doubled).

import { type EventAnnotation, type EventArgument, sameSpan, type Span, type TypedSpan } from '../model';
import type { EventTypeDef, RoleDef, Schema } from '../schema/types';
import type { AnnotationStore } from '../store/annotationStore';
import type { ActionResult, EventTarget } from './actions';

/** What event editing needs from the article session. */
export interface EventEditingContext {
  readonly store: AnnotationStore;
  readonly schema: Schema;
  textOf(spans: readonly Span[]): string;
  /** Accepts an entity span (or finds the accepted one there): its id, or a result saying why not. */
  acceptEntity(target: TypedSpan): string | ActionResult;
  /** Whether a span and type is inside the text and of a type the schema allows. */
  checkSpan(target: Span): ActionResult | undefined;
}

export function eventType(schema: Schema, name: string): EventTypeDef | undefined {
  return schema.events.find((e) => e.name === name && !e.abstract);
}

/** Whether an entity type may fill a role (an empty target list means any type). */
export function roleAccepts(role: RoleDef, entityType: string): boolean {
  return role.targets.length === 0 || role.targets.includes(entityType) || (role.targets.includes('<ENTITY>') && entityType !== '');
}

const fail = (message: string): ActionResult => ({ changed: false, message });

export function acceptEvent(ctx: EventEditingContext, target: EventTarget): ActionResult {
  const def = eventType(ctx.schema, target.type);
  if (!def) return fail(`The schema has no event type ${target.type}.`);
  const bad = ctx.checkSpan(target.trigger);
  if (bad) return bad;
  const trigger = triggerAt(ctx, target.trigger, target.type);
  const args: EventArgument[] = [];
  const skipped: string[] = [];
  for (const a of target.arguments) {
    const role = def.roles.find((r) => r.name === a.role);
    if (!role || !roleAccepts(role, a.type)) {
      skipped.push(`${a.role}: ${ctx.textOf([a])}`);
      continue;
    }
    const id = ctx.acceptEntity(a);
    if (typeof id !== 'string') skipped.push(`${a.role}: ${ctx.textOf([a])} (${id.message})`);
    else args.push({ role: a.role, target: id });
  }
  const event = ctx.store.addEvent(target.type, trigger, limitToCardinality(def, args));
  forgetEventRejections(ctx, target.trigger);
  const note = skipped.length ? ` Left out: ${skipped.join('; ')}.` : '';
  return { changed: true, message: `Accepted ${event.type} «${ctx.textOf([target.trigger])}» with ${event.args.length} argument${event.args.length === 1 ? '' : 's'}.${note}` };
}

export function rejectEvent(ctx: EventEditingContext, target: TypedSpan): ActionResult {
  const bad = ctx.checkSpan(target);
  if (bad) return bad;
  const already = ctx.store.withStatus('rejected').some((r) => r.type === target.type && r.spans[0].start === target.start && r.spans[r.spans.length - 1].end === target.end);
  if (!already) ctx.store.add(target.type, [target], 'rejected');
  return { changed: !already, message: `Rejected ${target.type} «${ctx.textOf([target])}».` };
}

export function createEvent(ctx: EventEditingContext, target: TypedSpan): ActionResult {
  if (!eventType(ctx.schema, target.type)) return fail(`The schema has no event type ${target.type}.`);
  const bad = ctx.checkSpan(target);
  if (bad) return bad;
  const taken = ctx.store.events().find((e) => sameSpan(ctx.store.get(e.trigger)!.spans[0], target));
  if (taken) return fail(`«${ctx.textOf([target])}» is already the trigger of ${taken.type} ${taken.id}.`);
  const event = ctx.store.addEvent(target.type, triggerAt(ctx, target, target.type), []);
  forgetEventRejections(ctx, target);
  return { changed: true, message: `Made ${event.type} ${event.id} with the trigger «${ctx.textOf([target])}»; add its arguments next.` };
}

export function changeEventType(ctx: EventEditingContext, id: string, type: string): ActionResult {
  const event = ctx.store.getEvent(id);
  if (!event) return fail(`No event ${id}.`);
  const def = eventType(ctx.schema, type);
  if (!def) return fail(`The schema has no event type ${type}.`);
  if (event.type === type) return fail(`${id} is already ${type}.`);
  const kept = event.args.filter((a) => {
    const role = def.roles.find((r) => r.name === a.role);
    const target = ctx.store.get(a.target);
    return role && (!target || roleAccepts(role, target.type));
  });
  ctx.store.updateEvent(id, { type, args: limitToCardinality(def, kept) });
  ctx.store.update(event.trigger, { type });
  const dropped = event.args.length - kept.length;
  return { changed: true, message: `${id} is now ${type}.${dropped ? ` ${dropped} argument${dropped === 1 ? '' : 's'} with a role ${type} does not have dropped.` : ''}` };
}

export function addArgument(ctx: EventEditingContext, id: string, roleName: string, target: TypedSpan): ActionResult {
  const event = ctx.store.getEvent(id);
  if (!event) return fail(`No event ${id}.`);
  const def = eventType(ctx.schema, event.type);
  const role = def?.roles.find((r) => r.name === roleName);
  if (!def || !role) return fail(`${event.type} has no role ${roleName}.`);
  if (!roleAccepts(role, target.type)) return fail(`${roleName} of ${event.type} takes ${role.targets.join(', ')}, not ${target.type}.`);
  const entity = ctx.acceptEntity(target);
  if (typeof entity !== 'string') return entity;
  if (entity === event.trigger) return fail('An event cannot be its own argument.');
  if (event.args.some((a) => a.role === roleName && a.target === entity)) return fail(`«${ctx.textOf([target])}» is already ${roleName}.`);
  const args = limitToCardinality(def, [...event.args, { role: roleName, target: entity }], roleName);
  ctx.store.updateEvent(id, { args });
  const replaced = event.args.length + 1 - args.length;
  return { changed: true, message: `«${ctx.textOf([target])}» is now ${roleName} of ${event.type} ${id}.${replaced ? ' It replaces the previous one (the role takes one).' : ''}` };
}

export function removeArgument(ctx: EventEditingContext, id: string, role: string, target: string): ActionResult {
  const event = ctx.store.getEvent(id);
  if (!event) return fail(`No event ${id}.`);
  const args = event.args.filter((a) => !(a.role === role && a.target === target));
  if (args.length === event.args.length) return fail(`${target} is not ${role} of ${id}.`);
  ctx.store.updateEvent(id, { args });
  const entity = ctx.store.get(target);
  return { changed: true, message: `${entity ? `«${ctx.textOf(entity.spans)}»` : target} is no longer ${role} of ${event.type} ${id}.` };
}

export function deleteEvent(ctx: EventEditingContext, id: string): ActionResult {
  const event = ctx.store.removeEvent(id);
  if (!event) return fail(`No event ${id}.`);
  const trigger = ctx.store.get(event.trigger);
  if (trigger && !ctx.store.events().some((e) => e.trigger === event.trigger)) ctx.store.remove(event.trigger);
  return { changed: true, message: `Deleted ${event.type} ${id}${trigger ? ` «${ctx.textOf(trigger.spans)}»` : ''}.` };
}

/**
 * Deleting an annotation that events use: its events lose it as an argument, and an event whose
 * trigger it is goes with it. Returns what happened, in words, for the annotator.
 */
export function detachFromEvents(store: AnnotationStore, id: string, describe: (e: EventAnnotation) => string): string[] {
  const notes: string[] = [];
  for (const e of store.events()) {
    if (e.trigger === id) {
      store.removeEvent(e.id);
      notes.push(`${describe(e)} was deleted with its trigger`);
    } else if (e.args.some((a) => a.target === id)) {
      const roles = e.args.filter((a) => a.target === id).map((a) => a.role);
      store.updateEvent(e.id, { args: e.args.filter((a) => a.target !== id) });
      notes.push(`it is no longer ${roles.join(', ')} of ${describe(e)}`);
    }
  }
  return notes;
}

/** The trigger annotation at a span: the one there with this event type, else a new one. */
function triggerAt(ctx: EventEditingContext, span: Span, type: string): string {
  const existing = ctx.store.withExtent(span, 'accepted').find((a) => a.type === type && a.spans.length === 1);
  return existing?.id ?? ctx.store.add(type, [span], 'accepted').id;
}

/** Keeps at most `max` arguments per role; for an over-full role the newest (of `preferNewest`) wins. */
function limitToCardinality(def: EventTypeDef, args: readonly EventArgument[], preferNewest?: string): EventArgument[] {
  const out: EventArgument[] = [];
  const ordered = preferNewest ? [...args].reverse() : args;
  for (const a of ordered) {
    const max = def.roles.find((r) => r.name === a.role)?.max ?? Infinity;
    if (out.filter((x) => x.role === a.role).length < max) out.push(a);
  }
  return preferNewest ? out.reverse() : out;
}

function forgetEventRejections(ctx: EventEditingContext, trigger: Span): void {
  for (const r of ctx.store.withExtent(trigger, 'rejected')) if (eventType(ctx.schema, r.type)) ctx.store.remove(r.id);
}
