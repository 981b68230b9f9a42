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
  const bad = ctx.checkSpan(target.trigger) ?? alreadyTrigger(ctx, target.trigger);
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
    else if (!roleAccepts(role, ctx.store.get(id)!.type)) skipped.push(`${a.role}: ${ctx.textOf([a])} (annotated as ${ctx.store.get(id)!.type})`);
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
  const bad = ctx.checkSpan(target) ?? alreadyTrigger(ctx, target);
  if (bad) return bad;
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
  const args = limitToCardinality(def, kept);
  ctx.store.updateEvent(id, { type, args });
  ctx.store.update(event.trigger, { type });
  const noRole = event.args.length - kept.length;
  const overFull = kept.length - args.length;
  const notes = [
    noRole ? `${noRole} argument${noRole === 1 ? '' : 's'} with a role ${type} does not have` : '',
    overFull ? `${overFull} argument${overFull === 1 ? '' : 's'} more than ${type}'s roles take` : '',
  ].filter(Boolean);
  return { changed: true, message: `${id} is now ${type}.${notes.length ? ` Dropped: ${notes.join('; ')} (undo brings them back).` : ''}` };
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
  const annotated = ctx.store.get(entity)!.type;
  if (!roleAccepts(role, annotated)) return fail(`«${ctx.textOf([target])}» is annotated as ${annotated}; ${roleName} of ${event.type} takes ${role.targets.join(', ')}.`);
  if (event.args.some((a) => a.role === roleName && a.target === entity)) return fail(`«${ctx.textOf([target])}» is already ${roleName}.`);
  // Only the role given an argument is held to its cardinality: the others stay as they are, even
  // when the file gave them more than the schema allows (that is reported when it is read).
  const same = event.args.filter((a) => a.role === roleName);
  const drop = new Set(same.slice(0, Math.max(0, same.length + 1 - role.max)));
  const args = [...event.args.filter((a) => !drop.has(a)), { role: roleName, target: entity }];
  ctx.store.updateEvent(id, { args });
  const replaced = drop.size;
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

/** A refusal when an event already has this span as its trigger (brat reads an event's type from its trigger). */
function alreadyTrigger(ctx: EventEditingContext, span: Span): ActionResult | undefined {
  const taken = ctx.store.events().find((e) => sameSpan(ctx.store.get(e.trigger)!.spans[0], span));
  return taken && fail(`«${ctx.textOf([span])}» is already the trigger of ${taken.type} ${taken.id}.`);
}

/** The trigger annotation at a span: the one there with this event type, else a new one. */
function triggerAt(ctx: EventEditingContext, span: Span, type: string): string {
  const existing = ctx.store.withExtent(span, 'accepted').find((a) => a.type === type && a.spans.length === 1);
  return existing?.id ?? ctx.store.add(type, [span], 'accepted').id;
}

/** Keeps at most `max` arguments per role, the first ones. */
function limitToCardinality(def: EventTypeDef, args: readonly EventArgument[]): EventArgument[] {
  const out: EventArgument[] = [];
  for (const a of args) {
    const max = def.roles.find((r) => r.name === a.role)?.max ?? Infinity;
    if (out.filter((x) => x.role === a.role).length < max) out.push(a);
  }
  return out;
}

function forgetEventRejections(ctx: EventEditingContext, trigger: Span): void {
  for (const r of ctx.store.withExtent(trigger, 'rejected')) if (eventType(ctx.schema, r.type)) ctx.store.remove(r.id);
}
