// Lexical building blocks: phrase index, LRU cache, nisba forms, frequency keys, the data folder.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeForMatching } from '../../../src/core/text';
import { frequencyKey } from '../../../src/core/suggest/frequency';
import { LruCache } from '../../../src/core/suggest/lineCache';
import { nisbaForms } from '../../../src/core/suggest/nisbas';
import { PhraseIndex } from '../../../src/core/suggest/phraseIndex';
import { DATA_DIR, engineResources, labelled, suggest } from './helpers';

describe('suggestion engine: lexicon', () => {
  it('finds the longest phrase at a position', () => {
    const index = new PhraseIndex<string>();
    index.add(['الولايات', 'المتحده'], 'short');
    index.add(['الولايات', 'المتحده', 'الاميركيه'], 'long');
    index.add(['الولايات'], 'one');
    const words = ['في', 'الولايات', 'المتحده', 'الاميركيه', 'اليوم'];
    assert.deepEqual(index.longest(words[1], words, 1), { length: 3, value: 'long' });
    const two = ['الولايات', 'المتحده', 'و'];
    assert.deepEqual(index.longest(two[0], two, 0), { length: 2, value: 'short' });
    assert.deepEqual(index.longest('الولايات', ['للولايات'], 0), { length: 1, value: 'one' });
    assert.equal(index.single('الولايات'), 'one');
    assert.equal(index.longest('المتحده', ['المتحده'], 0), undefined);
  });

  it('merges the values of a phrase added twice', () => {
    const index = new PhraseIndex<string[]>((a, b) => [...a, ...b]);
    index.add(['عام'], ['unit']);
    index.add(['عام'], ['year']);
    assert.deepEqual(index.single('عام'), ['unit', 'year']);
    assert.equal(index.size, 1);
  });

  it('takes phrases out, leaving the shorter and longer ones sharing their words', () => {
    const index = new PhraseIndex<string>();
    index.add(['بان', 'كي', 'مون'], 'full');
    index.add(['بان', 'كي'], 'two');
    index.add(['بان'], 'one');
    const words = ['بان', 'كي', 'مون'];
    index.delete(['بان', 'كي', 'مون']);
    assert.deepEqual(index.longest('بان', words, 0), { length: 2, value: 'two' });
    index.add(['بان', 'كي', 'مون'], 'again');
    index.delete(['بان', 'كي']);
    assert.deepEqual(index.longest('بان', words, 0), { length: 3, value: 'again' });
    assert.deepEqual(index.longest('بان', ['بان', 'كي'], 0), { length: 1, value: 'one' });
    index.delete(['بان']);
    index.delete(['بان', 'كي', 'مون']);
    assert.equal(index.startsWith('بان'), false);
    assert.equal(index.size, 0);
    assert.deepEqual([...index.entries()], []);
  });

  it('evicts the least recently used line', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    cache.reserve(3);
    cache.set('d', 4);
    assert.deepEqual(['a', 'c', 'd'].map((k) => cache.get(k)), [1, 3, 4]);
  });

  it('inflects nisbas', () => {
    const all = nisbaForms('عراقي', false);
    for (const f of ['عراقي', 'العراقيه', 'عراقيون', 'العراقيين', 'عراقيي']) assert.ok(all.includes(f), f);
    const people = nisbaForms('اسلامي', true);
    assert.ok(people.includes('الاسلاميين') && !people.includes('الاسلاميه'));
  });

  it('keys frequency look-ups like the frequency list', () => {
    assert.equal(frequencyKey('بالقاهره'), 'قاهره');
    assert.equal(frequencyKey('بغداد'), 'غداد');
    assert.equal(frequencyKey('ما'), 'ما');
    assert.ok(engineResources().frequency.rank('في') < 10);
    assert.equal(engineResources().frequency.rank('قاآني'), Infinity);
  });

  it('knows the countries whose names are frequent enough to pass for common words in the place lists', () => {
    const text = 'وصل وزراء من الهند واليابان وإيطاليا وإسبانيا واليونان والنمسا إلى بغداد.';
    const found = labelled(text, suggest(text));
    for (const country of ['الهند', 'اليابان', 'إيطاليا', 'إسبانيا', 'اليونان', 'النمسا']) assert.ok(found.includes(`GPE:${country}`), `${country} in ${found.join(', ')}`);
    const more = 'وأعلنت نيودلهي أن الحوثيين أفرجوا عن البحارة.';
    assert.deepEqual(labelled(more, suggest(more)), ['GPE:نيودلهي', 'ORG:الحوثيين']);
  });

  it('reads a nisba whose first letter looks like a proclitic as a whole word', () => {
    const text = 'وقعت شركة فرنسية عقدا مع مستثمرين لبنانيين وفلسطينيين.';
    const found = labelled(text, suggest(text));
    for (const norp of ['فرنسية', 'لبنانيين', 'فلسطينيين']) assert.ok(found.includes(`NORP:${norp}`), `${norp} in ${found.join(', ')}`);
  });

  it('ships its generated lists in matching form', () => {
    for (const file of ['places/places.tsv', 'persons/person-name-tokens.tsv', 'frequency/frequent-words.txt']) {
      const bad = fs
        .readFileSync(path.join(DATA_DIR, file), 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split('\t')[0])
        .filter((entry) => normalizeForMatching(entry) !== entry);
      assert.deepEqual(bad.slice(0, 5), [], file);
    }
  });

  it('has a .SOURCE note beside every generated list and a NOTICE naming each data file', () => {
    const notice = fs.readFileSync(path.join(DATA_DIR, 'NOTICE.md'), 'utf8');
    for (const folder of fs.readdirSync(DATA_DIR).filter((f) => fs.statSync(path.join(DATA_DIR, f)).isDirectory())) {
      for (const file of fs.readdirSync(path.join(DATA_DIR, folder)).filter((f) => !f.endsWith('.SOURCE'))) {
        assert.ok(notice.includes(`${folder}/${file}`), `${folder}/${file} missing from NOTICE.md`);
      }
    }
    assert.ok(fs.existsSync(path.join(DATA_DIR, 'frequency', 'frequent-words.txt.SOURCE')));
  });
});
