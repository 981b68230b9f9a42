// From the types of an annotation.conf and the looks of a visual.conf to a Schema. A type named
// like a built-in one (PER, ORG, Attack…) keeps the built-in labels, colour and key unless visual.conf says
// otherwise. Of a type's visual.conf labels, the first in Arabic script is its Arabic label and the
// first other one its English label; types without a colour get a palette colour.

import type { AnnotationConf, ConfType } from './bratConf';
import { NEWS_ENTITY_TYPES, NEWS_EVENT_TYPES } from './defaultSchema';
import { paletteColors } from './palette';
import { assignShortcuts } from './shortcuts';
import type { EntityTypeDef, EventTypeDef, Schema } from './types';
import type { VisualConf } from './visualConf';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export function buildSchema(conf: AnnotationConf, visual: VisualConf | undefined, origin: string): Schema {
  const all: ConfType[] = [...conf.entities, ...conf.events];
  const builtIn = new Map([...NEWS_ENTITY_TYPES, ...NEWS_EVENT_TYPES].map((t) => [t.name, t]));
  const looks = all.map((t) => {
    const labels = visual?.labels.get(t.name) ?? [];
    const base = builtIn.get(t.name);
    const label = labels.find((l) => !ARABIC.test(l)) ?? base?.label ?? t.name;
    const arabicLabel = labels.find((l) => ARABIC.test(l)) ?? base?.arabicLabel ?? label;
    const ownColor = visual?.colors.get(t.name);
    return { type: t, base, label, arabicLabel, ownColor };
  });
  const fixed = looks.map((l) => l.ownColor ?? l.base?.color).filter((c): c is string => c !== undefined);
  const palette = paletteColors(looks.filter((l) => !l.ownColor && !l.base).map((l) => l.type.name), fixed);
  const keys = assignShortcuts(
    looks.filter((l) => !l.type.abstract).map((l) => ({ name: l.type.name, label: l.label, preferred: l.base?.shortcut })),
  );
  const defs = looks.map((l) => {
    const def: EntityTypeDef = {
      name: l.type.name,
      label: l.label,
      arabicLabel: l.arabicLabel,
      color: l.ownColor ?? l.base?.color ?? palette.get(l.type.name)!,
      ...(l.base?.themeColor && !l.ownColor ? { themeColor: l.base.themeColor } : {}),
      ...(keys.get(l.type.name) ? { shortcut: keys.get(l.type.name) } : {}),
      ...(l.type.parent !== undefined ? { parent: l.type.parent } : {}),
      ...(l.type.abstract ? { abstract: true } : {}),
    };
    return def;
  });
  const entities = defs.slice(0, conf.entities.length);
  const events: EventTypeDef[] = conf.events.map((e, i) => ({ ...defs[conf.entities.length + i], roles: e.roles }));
  return { origin, entities, events, relations: conf.relations, attributes: conf.attributes };
}
