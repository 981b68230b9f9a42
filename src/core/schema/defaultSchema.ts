// The built-in "news" schema, in force unless an annotation.conf replaces it.

import type { EntityTypeDef, EventTypeDef, RoleDef, Schema } from './types';

function entity(name: string, label: string, arabicLabel: string, color: string, shortcut: string): EntityTypeDef {
  return { name, label, arabicLabel, color, themeColor: `tawsim.entity.${name}`, shortcut };
}

export const NEWS_ENTITY_TYPES: readonly EntityTypeDef[] = [
  entity('PER', 'Person', 'شخص', '#4e79a7', 'p'),
  entity('ORG', 'Organization', 'منظمة', '#f28e2b', 'o'),
  entity('GPE', 'Geo-political entity', 'كيان جغرافي سياسي', '#59a14f', 'g'),
  entity('LOC', 'Location', 'مكان', '#76b7b2', 'l'),
  entity('FAC', 'Facility', 'منشأة', '#b07aa1', 'f'),
  entity('NORP', 'Nationality, religious or political group', 'جماعة', '#edc948', 'n'),
  entity('DATE', 'Date or duration', 'تاريخ', '#e15759', 'd'),
];

const ACTORS = ['PER', 'ORG', 'GPE', 'NORP'];
const PLACES = ['GPE', 'LOC', 'FAC'];
const ANY: string[] = [];
const many = (name: string, targets: string[]): RoleDef => ({ name, targets, min: 0, max: Infinity });
const optional = (name: string, targets: string[]): RoleDef => ({ name, targets, min: 0, max: 1 });
const place = optional('Place', PLACES);
const time = optional('Time', ['DATE']);

function event(name: string, label: string, arabicLabel: string, color: string, shortcut: string, roles: RoleDef[]): EventTypeDef {
  return { name, label, arabicLabel, color, themeColor: `tawsim.event.${name}`, shortcut, roles };
}

export const NEWS_EVENT_TYPES: readonly EventTypeDef[] = [
  event('Attack', 'Attack', 'هجوم', '#d62728', 'a', [many('Agent', ACTORS), many('Target', ANY), optional('Instrument', ANY), place, time]),
  event('Meet', 'Meeting', 'لقاء', '#1f77b4', 'm', [many('Participant', ACTORS), place, time]),
  event('Transport', 'Transport', 'انتقال', '#2ca02c', 't', [many('Agent', ['PER', 'ORG', 'NORP', 'GPE']), optional('Destination', PLACES), optional('Origin', PLACES), time]),
  event('Deploy', 'Deployment', 'انتشار', '#8c564b', 'y', [many('Agent', ['ORG', 'NORP', 'GPE']), place, time]),
  event('Arrest', 'Arrest', 'اعتقال', '#9467bd', 'r', [many('Person', ['PER', 'NORP']), optional('Agent', ACTORS), place, time]),
  event('Release', 'Release', 'إفراج', '#17becf', 'e', [many('Person', ['PER', 'NORP']), optional('Agent', ACTORS), place, time]),
  event('Trial', 'Trial', 'محاكمة', '#7f7f7f', 'j', [many('Defendant', ['PER', 'ORG', 'NORP']), optional('Adjudicator', ['PER', 'ORG']), place, time]),
  event('Kill', 'Killing', 'قتل', '#000000', 'k', [many('Victim', ['PER', 'NORP']), optional('Agent', ACTORS), optional('Instrument', ANY), place, time]),
  event('Kidnap', 'Kidnapping', 'خطف', '#e377c2', 'b', [many('Victim', ['PER', 'NORP']), optional('Agent', ACTORS), place, time]),
  event('Agreement', 'Agreement', 'اتفاق', '#bcbd22', 'c', [many('Party', ['PER', 'ORG', 'GPE']), place, time]),
];

export const NEWS_SCHEMA: Schema = {
  origin: 'built-in',
  entities: NEWS_ENTITY_TYPES,
  events: NEWS_EVENT_TYPES,
  relations: [],
  attributes: [],
};
