// Arguments of one event: the sentence's entities assigned to the event type's roles by the entity
// types each role allows (schema), the cue that introduces the entity, and its position relative
// to the trigger. Each entity fills at most one role of an event, each role at most its maximum
// (brat cardinality). Roles this file knows nothing about (a custom annotation.conf's) get nothing.

import type { EventTypeDef, RoleDef, Schema } from '../schema/types';
import type { RoleCue, SentenceEntity } from './entities';
import { wordsBetween, type SentenceWord } from './sentence';

export interface EventTrigger {
  /** Word index of the trigger in the sentence. */
  readonly word: number;
  readonly pos: 'verb' | 'noun';
  readonly passive: boolean;
  readonly lemma: string;
}

export interface AssignedArgument {
  readonly role: string;
  readonly entity: SentenceEntity;
  /** In [0, 1]: the probability that the entity fills the role, given that the event is right. */
  readonly confidence: number;
}

/** Arguments less sure than this (entity confidence included) are not proposed. */
const MIN_CONFIDENCE = 0.3;
/** Another trigger between the entity and this one: the entity more likely belongs to that event. */
const INTERVENING_TRIGGER = 0.35;
/** A position (subject, object) is the nearest entity's; one farther is likelier something else's. */
const FARTHER_IN_POSITION = 0.4;
/** Triggers whose subject is what fell or exploded, not an agent (سقط صاروخ، انفجرت عبوة). */
const NO_AGENT_SUBJECT = new Set(['سقط', 'سقوط', 'انفجر', 'انفجار']);
/** Nouns of a death that has a subject (لقي X حتفه / مصرعه): the entity before is the victim. */
const DEATH_NOUNS = new Set(['حتف', 'مصرع']);
/** A place before a noun trigger, not fronted: the noun's own complements follow it (احتجاز معارضين في تبليسي). */
const PLACE_BEFORE_NOUN = 0.75;
/** Verbs of leaving: a place right after them is where the mover came from (غادر بغداد). */
const LEAVING = new Set(['غادر', 'مغادره', 'انسحب', 'انسحاب', 'خرج', 'خروج', 'رحيل']);
/** Units of a duration (ثلاثة أيام، 15 يوما، شهر ونصف), in matching form, without the article. */
const DURATION_UNITS = new Set(['يوما', 'ايام', 'يومين', 'ساعه', 'ساعات', 'شهر', 'اشهر', 'شهرين', 'اسبوع', 'اسابيع', 'اسبوعين', 'سنوات', 'سنتين', 'عاما', 'اعوام', 'عامين', 'دقيقه', 'دقائق']);
const ACTORS = new Set(['PER', 'ORG', 'GPE', 'NORP']);
/** First words of a court's name, in matching form without the article. */
const COURTS = new Set(['محكمه', 'محاكم', 'هيئه']);
/**
 * A place fronted before the trigger and closed by a comma (وفي اليمن، قتل… في محافظة مأرب) sets
 * the scene of the whole report: a place named in the event's own clause is likelier its place.
 */
const FRAME_PLACE = 0.65;

/** Whether entities of `type` may fill `role` in this schema. */
export function roleAccepts(role: RoleDef, type: string, schema: Schema): boolean {
  if (!schema.entities.some((e) => e.name === type)) return false;
  if (role.targets.length === 0) return true;
  return role.targets.includes(type) || role.targets.includes('<ENTITY>') || role.targets.includes('<ANY>');
}

interface Pair {
  readonly role: RoleDef;
  readonly entity: SentenceEntity;
  readonly position: Position;
  score: number;
}

export function assignArguments(
  eventType: EventTypeDef,
  trigger: EventTrigger,
  entities: readonly SentenceEntity[],
  words: readonly SentenceWord[],
  otherTriggers: readonly number[],
  schema: Schema,
): AssignedArgument[] {
  const pairs: Pair[] = [];
  entities.forEach((entity, i) => {
    if (entity.first <= trigger.word && entity.last >= trigger.word) return;
    if (entity.dateline || isTitleNisba(entity, entities[i + 1])) return;
    const after = entity.first > trigger.word;
    const distance = after ? wordsBetween(words, trigger.word, entity.first) : wordsBetween(words, entity.last, trigger.word);
    const [lo, hi] = after ? [trigger.word, entity.first] : [entity.last, trigger.word];
    const intervening = otherTriggers.some((w) => w > lo && w < hi);
    const framed = !after && isClosedByComma(words, entity.last);
    const court = entity.entity.type === 'ORG' && words[entity.first].stems.some((stem) => COURTS.has(stem));
    const position: Position = { after, distance, cue: entity.cue, duration: isDuration(words, entity), framed, court };
    for (const role of eventType.roles) {
      if (!roleAccepts(role, entity.entity.type, schema)) continue;
      let score = roleScore(role.name, eventType.name, trigger, position, entity.entity.type);
      if (score <= 0) continue;
      score *= decay(position, role.name === 'Time');
      if (intervening) score *= INTERVENING_TRIGGER;
      pairs.push({ role, entity, position, score });
    }
  });
  weakenFartherInPosition(pairs);
  const scored = pairs
    .map((p) => ({ ...p, confidence: round(p.score * (p.entity.entity.accepted ? 1 : p.entity.entity.confidence)) }))
    .filter((p) => p.confidence >= MIN_CONFIDENCE)
    .sort((a, b) => b.confidence - a.confidence || a.entity.first - b.entity.first);
  const used = new Set<SentenceEntity>();
  const filled = new Map<string, number>();
  const out: AssignedArgument[] = [];
  for (const { role, entity, confidence } of scored) {
    if (used.has(entity) || (filled.get(role.name) ?? 0) >= role.max) continue;
    used.add(entity);
    filled.set(role.name, (filled.get(role.name) ?? 0) + 1);
    out.push({ role: role.name, entity, confidence });
  }
  return out.sort((a, b) => a.entity.first - b.entity.first);
}

interface Position {
  readonly after: boolean;
  /** Words between the trigger and the entity. */
  readonly distance: number;
  readonly cue?: RoleCue;
  /** A DATE that reads as a duration (ثلاثة أيام، 15 يوما) rather than a date. */
  readonly duration: boolean;
  /** Before the trigger and followed by a comma. */
  readonly framed: boolean;
  /** An organization named as a court (محكمة مدينة تبليسي): the judge, never the accused or the agent. */
  readonly court: boolean;
}

/** How well an entity at `p` fits `role` of the event, before distance. */
function roleScore(role: string, eventType: string, t: EventTrigger, p: Position, entityType: string): number {
  const { after, distance: d, cue } = p;
  const near = (n: number) => d <= n;
  switch (role) {
    case 'Place':
      if (cue !== 'place') return cue ? 0 : 0.15;
      return 0.85 * (p.framed ? FRAME_PLACE : !after && t.pos === 'noun' ? PLACE_BEFORE_NOUN : 1);
    case 'Destination':
      if (!after) return 0;
      if (cue === 'to') return 0.9;
      if (cue) return cue === 'of' ? 0.5 : cue === 'place' ? 0.2 : 0;
      return near(1) && !LEAVING.has(t.lemma) ? 0.6 : 0;
    case 'Origin':
      if (!after) return 0;
      if (cue === 'from') return 0.8;
      return !cue && near(1) && LEAVING.has(t.lemma) ? 0.6 : 0;
    case 'Time':
      return p.duration ? 0.25 : after ? 0.8 : 0.75;
    case 'Target':
      if (cue === 'against') return 0.85;
      if (cue || !after || !near(t.pos === 'verb' ? 2 : 0)) return 0;
      return ACTORS.has(entityType) ? 0.35 : 0.5;
    case 'Agent':
      if (cue === 'by') return 0.85;
      if (DEATH_NOUNS.has(t.lemma) || p.court) return 0;
      if (cue === 'of') return after && t.pos === 'noun' && eventType === 'Transport' ? 0.7 : 0;
      if (cue || t.passive || NO_AGENT_SUBJECT.has(t.lemma)) return 0;
      if (!after) return near(3) ? (t.pos === 'verb' ? 0.6 : 0.3) : 0;
      if (t.pos === 'noun') return near(0) ? 0.55 : 0;
      return near(1) ? 0.6 : near(4) ? 0.45 : 0;
    case 'Participant':
    case 'Party':
      if (cue === 'with') return 0.85;
      if (cue === 'of') return after && t.pos === 'noun' ? 0.6 : 0;
      if (cue) return 0;
      if (!after) return near(5) ? 0.6 : 0;
      return near(4) ? 0.6 : 0;
    case 'Victim':
    case 'Person':
    case 'Defendant':
      if (cue === 'about' || (cue === 'against' && role === 'Person')) return 0.85;
      if (cue === 'with') return t.passive ? 0.6 : 0;
      if (cue === 'of') return after && t.pos === 'noun' ? 0.6 : 0;
      if (cue) return 0;
      if (p.court) return 0;
      if (after) return near(3) ? 0.7 : near(6) ? 0.5 : 0;
      if (DEATH_NOUNS.has(t.lemma)) return near(6) ? 0.7 : 0;
      return t.passive && near(5) ? 0.6 : 0;
    case 'Adjudicator':
      return cue === 'before' || (p.court && !cue) ? 0.85 : 0;
    default:
      return 0;
  }
}

/**
 * Among entities that would fill a role by position alone (no cue) on the same side of the
 * trigger, the nearest takes the position; the ones farther count less, unless joined to it by و.
 */
function weakenFartherInPosition(pairs: Pair[]): void {
  const groups = new Map<string, Pair[]>();
  for (const p of pairs) {
    if (p.position.cue || p.role.name === 'Time') continue;
    const key = `${p.role.name}:${p.position.after}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(p);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => a.position.distance - b.position.distance);
    let chain = true;
    for (let k = 1; k < group.length; k++) {
      // After the trigger the farther entity carries the و; before it, the nearer one does.
      chain &&= group[k].position.after ? group[k].entity.coordinated : group[k - 1].entity.coordinated;
      if (!chain) group[k].score *= FARTHER_IN_POSITION;
    }
  }
}

/**
 * A nationality right before a person's name, or one title word before it, is part of the
 * person's title (الرئيس الأميركي دونالد ترامب، رئيس الوزراء الكويتي الشيخ ناصر).
 */
function isTitleNisba(entity: SentenceEntity, next: SentenceEntity | undefined): boolean {
  return entity.entity.type === 'NORP' && next?.entity.type === 'PER' && next.first <= entity.last + 2;
}

function isClosedByComma(words: readonly SentenceWord[], last: number): boolean {
  const next = words[last + 1];
  return next !== undefined && next.punct && (next.stems[0] === '،' || next.stems[0] === ',');
}

function isDuration(words: readonly SentenceWord[], e: SentenceEntity): boolean {
  for (let k = e.first; k <= e.last; k++) if (DURATION_UNITS.has(words[k].stems[0])) return true;
  return false;
}

/** Farther entities are less likely arguments; a cue or a date carries further. */
function decay(p: Position, isTime: boolean): number {
  if (isTime) return Math.max(0.3, 1 - 0.04 * p.distance);
  return p.cue ? Math.max(0.5, 1 - 0.02 * p.distance) : Math.max(0.3, 1 - 0.05 * p.distance);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
