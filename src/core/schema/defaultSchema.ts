// The built-in "news" schema, in force unless an annotation.conf replaces it.

import type { EntityTypeDef, Schema } from './types';

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

export const NEWS_SCHEMA: Schema = {
  origin: 'built-in',
  entities: NEWS_ENTITY_TYPES,
  events: [],
  relations: [],
  attributes: [],
};
