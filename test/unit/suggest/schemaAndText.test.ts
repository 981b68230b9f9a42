// What the schema allows, and offsets in text with emoji, NO-BREAK SPACE and CRLF line ends.

import * as assert from 'node:assert/strict';
import { NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';
import type { Schema } from '../../../src/core/schema/types';
import { labelled, spanOf, suggest } from './helpers';

const SENTENCE = 'التقى الرئيس الأميركي دونالد ترامب في واشنطن مساء الثلاثاء قادة الحشد الشعبي.';

describe('suggestion engine: schema and text', () => {
  it('suggests only the types of the schema', () => {
    const schema: Schema = { ...NEWS_SCHEMA, entities: NEWS_SCHEMA.entities.filter((e) => e.name !== 'GPE' && e.name !== 'NORP') };
    const found = labelled(SENTENCE, suggest(SENTENCE, { schema }));
    assert.ok(found.includes('PER:دونالد ترامب') && found.includes('ORG:الحشد الشعبي'), found.join(', '));
    assert.ok(!found.some((l) => l.startsWith('GPE:') || l.startsWith('NORP:')), found.join(', '));
  });

  it('suggests nothing for a schema with custom types only', () => {
    const schema: Schema = { ...NEWS_SCHEMA, entities: [{ ...NEWS_SCHEMA.entities[0], name: 'Person' }] };
    assert.deepEqual(suggest(SENTENCE, { schema }), []);
  });

  it('keeps UTF-16 offsets after an emoji and a NO-BREAK SPACE', () => {
    const text = '🇮🇶😀 وصل رئيس الوزراء\u00A0مصطفى\u00A0الكاظمي إلى\u00A0بغداد 👍';
    const found = suggest(text);
    const per = found.find((s) => s.type === 'PER');
    assert.deepEqual(per && { start: per.start, end: per.end }, spanOf(text, 'مصطفى\u00A0الكاظمي'));
    const gpe = found.find((s) => s.type === 'GPE');
    assert.deepEqual(gpe && { start: gpe.start, end: gpe.end }, spanOf(text, 'بغداد'));
  });

  it('handles CRLF line ends like LF', () => {
    const lines = ['وصل مصطفى الكاظمي إلى واشنطن.', '', 'والتقى الكاظمي دونالد ترامب في البيت الأبيض.'];
    const lf = lines.join('\n');
    const crlf = lines.join('\r\n');
    assert.deepEqual(labelled(crlf, suggest(crlf)), labelled(lf, suggest(lf)));
    const white = suggest(crlf).find((s) => s.type === 'FAC');
    assert.deepEqual(white && { start: white.start, end: white.end }, spanOf(crlf, 'البيت الأبيض'));
  });

  it('proposes no span across a lone CR, NEL, LINE or PARAGRAPH SEPARATOR, as across LF', () => {
    const words = ['وقائد الحشد', 'الشعبي في البيت', 'الأبيض يوم 12', 'مايو.'];
    for (const br of ['\r', '\u0085', '\u2028', '\u2029']) {
      const text = words.join(br);
      const found = suggest(text);
      assert.deepEqual(found.filter((s) => /[\r\u0085\u2028\u2029]/.test(text.slice(s.start, s.end))).map((s) => s.type), [], JSON.stringify(br));
      assert.deepEqual(labelled(text, found), labelled(words.join('\n'), suggest(words.join('\n'))), JSON.stringify(br));
    }
  });

  it('reads a nationality after a conjunction whole when its first letter looks like a preposition (وبريطانيون)', () => {
    const text = 'قتل جنود أميركيون وبريطانيون وفرنسيون.';
    assert.deepEqual(labelled(text, suggest(text)).filter((l) => l.startsWith('NORP:')), ['NORP:أميركيون', 'NORP:بريطانيون', 'NORP:فرنسيون']);
  });

  it('suggests nothing in an empty or non-Arabic text', () => {
    assert.deepEqual(suggest(''), []);
    assert.deepEqual(suggest('\n\r\n  \n'), []);
    assert.deepEqual(suggest('Barack Obama visited Baghdad on Tuesday.'), []);
  });
});
