// Finding an article's schema as brat does: annotation.conf in the article's folder, else in each
// parent folder up to and including the root (nearest wins); visual.conf is looked up the same way,
// independently. An article outside the root only looks in its own folder.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTextFileSync, TextFileError } from '../io/readText';
import { parseAnnotationConf, type AnnotationConf } from './bratConf';
import { buildSchema } from './buildSchema';
import type { ConfError } from './confFile';
import { NEWS_ENTITY_TYPES, NEWS_EVENT_TYPES, NEWS_SCHEMA } from './defaultSchema';
import type { Schema } from './types';
import { parseVisualConf, type VisualConf } from './visualConf';

export interface SchemaLookup {
  /** The conf's schema, or NEWS_SCHEMA when there is no annotation.conf or it has errors. */
  readonly schema: Schema;
  /** The annotation.conf found, even when it had errors. */
  readonly confPath?: string;
  readonly visualPath?: string;
  /** annotation.conf errors: any error means the built-in schema is used. */
  readonly errors: ConfError[];
  /** visual.conf problems and annotation.conf oddities; the schema is still used. */
  readonly warnings: ConfError[];
}

const NEWS_CONF: AnnotationConf = {
  entities: NEWS_ENTITY_TYPES.map((t) => ({ name: t.name, abstract: false })),
  events: NEWS_EVENT_TYPES.map((t) => ({ name: t.name, abstract: false, roles: t.roles })),
  relations: [],
  attributes: [],
};

export function findSchema(articlePath: string, rootDir: string): SchemaLookup {
  const dirs = searchDirs(path.dirname(path.resolve(articlePath)), path.resolve(rootDir));
  const confPath = nearest(dirs, 'annotation.conf');
  const visualPath = nearest(dirs, 'visual.conf');
  const errors: ConfError[] = [];
  const warnings: ConfError[] = [];

  let visual: VisualConf | undefined;
  const visualText = visualPath && read(visualPath, warnings);
  if (visualPath && visualText !== undefined) {
    const parsed = parseVisualConf(visualText, visualPath);
    visual = parsed.visual;
    warnings.push(...parsed.warnings);
  }
  const found = { ...(confPath ? { confPath } : {}), ...(visualPath ? { visualPath } : {}) };
  if (!confPath) {
    return { schema: visual ? buildSchema(NEWS_CONF, visual, NEWS_SCHEMA.origin) : NEWS_SCHEMA, ...found, errors, warnings };
  }
  const confText = read(confPath, errors);
  if (confText === undefined) return { schema: NEWS_SCHEMA, ...found, errors, warnings };
  const parsed = parseAnnotationConf(confText, confPath);
  warnings.push(...parsed.warnings);
  if (!parsed.conf) return { schema: NEWS_SCHEMA, ...found, errors: parsed.errors, warnings };
  return { schema: buildSchema(parsed.conf, visual, confPath), ...found, errors, warnings };
}

/** The folders to search, nearest first. */
function searchDirs(start: string, root: string): string[] {
  const rel = path.relative(root, start);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return [start];
  const dirs = [start];
  for (let dir = start; dir !== root; ) {
    dir = path.dirname(dir);
    dirs.push(dir);
  }
  return dirs;
}

function nearest(dirs: readonly string[], name: string): string | undefined {
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  }
  return undefined;
}

function read(file: string, problems: ConfError[]): string | undefined {
  try {
    return readTextFileSync(file).text;
  } catch (e) {
    problems.push({ file, line: 0, message: e instanceof TextFileError ? e.reason : (e as Error).message });
    return undefined;
  }
}
