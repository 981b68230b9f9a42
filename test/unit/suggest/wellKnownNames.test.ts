// The curated lists of well-known organizations and people (data/curated/organizations.tsv,
// persons.tsv): clubs, companies, media and parties are suggested as ORG, ambiguous ones with less
// confidence, full names of people as PER; the lists never hide a place, a nisba or a common word.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { phraseWords, readRows } from '../../../src/core/suggest/dataFiles';
import { DATA_DIR, engineResources, labelled, spanOf, suggest } from './helpers';

/** Companies far better known than the small places that share their name. */
const ORGANIZATION_OVER_PLACE = new Set(['تويوتا', 'نوكيا', 'رينو', 'روتانا', 'كونا']);
/** One-word names whose form ranks above this in ordinary text are common words (as for places). */
const COMMON_RANK = 3000;

describe('suggestion engine: well-known organizations and people', () => {
  it('suggests clubs, companies and parties as ORG, without their proclitics', () => {
    const text = 'وتعاقدت فولكسفاغن مع لاعب أرسنال السابق، فيما أعلنت جنرال موتورز ولتويوتا خططا جديدة. وانسحب الليكود من حكومة كاديما.';
    const found = labelled(text, suggest(text));
    for (const name of ['ORG:فولكسفاغن', 'ORG:أرسنال', 'ORG:جنرال موتورز', 'ORG:تويوتا', 'ORG:الليكود', 'ORG:كاديما']) {
      assert.ok(found.includes(name), `${name} in ${found.join(', ')}`);
    }
  });

  it('suggests a name that is also a word with less confidence than an unambiguous one', () => {
    const text = 'فاز الزمالك على بنفيكا.';
    const suggestions = suggest(text);
    const at = (name: string) => suggestions.find((s) => s.start === spanOf(text, name).start && s.type === 'ORG');
    assert.ok(at('الزمالك') && at('بنفيكا'));
    assert.ok(at('الزمالك')!.confidence < at('بنفيكا')!.confidence);
  });

  it('leaves places to the places list: a city that names a club stays a place', () => {
    const text = 'وصل الوفد إلى برشلونة ثم إلى ليفربول.';
    assert.deepEqual(labelled(text, suggest(text)).filter((l) => l.startsWith('ORG')), []);
  });

  it('holds no place, nisba or common word', () => {
    const res = engineResources();
    const places = new Set(fs.readFileSync(path.join(DATA_DIR, 'places', 'places.tsv'), 'utf8').split('\n').map((l) => l.split('\t')[0]));
    const rows = readRows(DATA_DIR, 'curated/organizations.tsv');
    assert.ok(rows.length > 1000, `${rows.length} organizations`);
    for (const [name, type, note, ...rest] of rows) {
      assert.equal(type, 'ORG', name);
      assert.ok(note === undefined || note === 'ambiguous', name);
      assert.deepEqual(rest, [], name);
      const words = phraseWords(name);
      if (!ORGANIZATION_OVER_PLACE.has(name)) assert.ok(!places.has(words.join(' ')), `${name} is a place`);
      if (words.length > 1) continue;
      const bare = words[0].startsWith('ال') ? words[0].slice(2) : words[0];
      assert.ok(!res.nisbas.has(words[0]) && !res.nisbas.has(bare), `${name} is a nisba`);
      assert.ok(res.frequency.rank(words[0]) >= COMMON_RANK, `${name} is a common word`);
    }
  });

  it('suggests the full names of well-known people, even when their words are common ones', () => {
    const text = 'والتقى نيكولا ساركوزي زين الدين زيدان في باريس.';
    const found = labelled(text, suggest(text));
    assert.ok(found.includes('PER:نيكولا ساركوزي') && found.includes('PER:زين الدين زيدان'), found.join(', '));
  });

  it('holds full names of people only, none of them a place or an organization', () => {
    const others = new Set(
      ['curated/entities.tsv', 'curated/organizations.tsv'].flatMap((list) => readRows(DATA_DIR, list).map(([name]) => phraseWords(name).join(' '))),
    );
    const places = new Set(fs.readFileSync(path.join(DATA_DIR, 'places', 'places.tsv'), 'utf8').split('\n').map((l) => l.split('\t')[0]));
    const rows = readRows(DATA_DIR, 'curated/persons.tsv');
    assert.ok(rows.length > 1000, `${rows.length} people`);
    for (const [name, type, ...rest] of rows) {
      assert.equal(type, 'PER', name);
      assert.deepEqual(rest, [], name);
      const words = phraseWords(name);
      assert.ok(words.length >= 2, `${name} is one word`);
      assert.ok(!others.has(words.join(' ')) && !places.has(words.join(' ')), `${name} is listed as another type`);
    }
  });
});
