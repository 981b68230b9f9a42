// rule:place-head on short sentences.

import * as assert from 'node:assert/strict';
import { labelled, suggest } from './helpers';

const places = (text: string) => labelled(text, suggest(text)).filter((l) => /^(GPE|LOC):/.test(l));

describe('suggestion engine: place heads', () => {
  it('takes the name after a neighbourhood or town head, without the head', () => {
    assert.deepEqual(places('انفجرت عبوة في حي الدورة.'), ['LOC:الدورة']);
    assert.deepEqual(places('اقتحم الجيش مخيم بلاطة.'), ['GPE:بلاطة']);
  });

  it('keeps the head of streets, rivers and islands', () => {
    assert.deepEqual(places('انفجرت سيارة في شارع السعدون.'), ['LOC:شارع السعدون']);
    assert.deepEqual(places('اشتبكت الزوارق قرب جزيرة كمران.'), ['LOC:جزيرة كمران']);
  });

  it('marks a listed place named with its head as the head list says: the name alone', () => {
    assert.deepEqual(places('قتل ثلاثة في محافظة مأرب أمس.'), ['GPE:مأرب']);
    assert.deepEqual(places('وصل الوفد إلى إقليم بنجشير.'), ['GPE:بنجشير']);
  });

  it('takes only a listed place after a head that also names other things (قطاع: a strip, or a sector)', () => {
    assert.deepEqual(places('وزار الوزير سلطنة بروناي.'), ['GPE:سلطنة بروناي']);
    assert.deepEqual(places('وقال إن قطاع النفط تضرر وإن قطاع السياحة تراجع.'), []);
  });

  it('leaves adjectives and common nouns after a head alone', () => {
    assert.deepEqual(places('انتشرت القوات في منطقة حدودية.'), []);
    assert.deepEqual(places('انتشرت القوات في منطقة الحدود.'), []);
    assert.deepEqual(places('وصلوا إلى المنطقة الخضراء.').filter((p) => p.includes('الخضراء') && !p.startsWith('LOC:المنطقة')), []);
  });
});
