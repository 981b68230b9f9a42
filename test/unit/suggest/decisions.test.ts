// The annotator's decisions: accepted spans seed consistency and block overlapping suggestions;
// rejected span+types are never suggested again and never propagate.

import * as assert from 'node:assert/strict';
import { labelled, spanOf, suggest } from './helpers';

describe('suggestion engine and the annotator decisions', () => {
  it('suggests an accepted string at its other mentions, after their proclitics', () => {
    const text = 'وصل وفد كرمانشاهي إلى المدينة. ثم التقى الوفد بكرمانشاهي، وحضر الاجتماع زيد وكرمانشاهي.';
    assert.deepEqual(labelled(text, suggest(text)).filter((l) => l.includes('كرمانشاهي')), []);
    const accepted = [{ ...spanOf(text, 'كرمانشاهي'), type: 'ORG' }];
    const found = suggest(text, { accepted });
    const second = spanOf(text, 'بكرمانشاهي');
    const third = spanOf(text, 'وكرمانشاهي');
    assert.ok(found.some((s) => s.start === second.start + 1 && s.end === second.end && s.type === 'ORG' && s.source === 'consistency'));
    assert.ok(found.some((s) => s.start === third.start + 1 && s.end === third.end && s.type === 'ORG'));
    assert.ok(!found.some((s) => s.start < accepted[0].end && accepted[0].start < s.end), 'nothing over the accepted span');
  });

  it('propagates an accepted multi-word name to a mention with proclitics on its first word', () => {
    const text = 'أعلنت رابطة الصيادين المستقلة موقفها. وقالت لرابطة الصيادين المستقلة إنها ستقاطع.';
    const accepted = [{ ...spanOf(text, 'رابطة الصيادين المستقلة'), type: 'ORG' }];
    const mention = spanOf(text, 'لرابطة الصيادين المستقلة');
    const found = suggest(text, { accepted });
    assert.ok(found.some((s) => s.type === 'ORG' && s.start === mention.start + 1 && s.end === mention.end));
  });

  it('does not propagate a suggestion made of common words', () => {
    const text = 'قال الشيخ محمد إن الاجتماع انتهى. ثم وصل محمد إلى المسجد.';
    const found = labelled(text, suggest(text));
    assert.ok(found.includes('PER:محمد'), found.join(', '));
    assert.equal(found.filter((l) => l === 'PER:محمد').length, 1, found.join(', '));
  });

  it('drops suggestions that overlap an accepted span', () => {
    const text = 'سقط صاروخ قرب مطار بغداد الدولي مساء الثلاثاء.';
    assert.ok(labelled(text, suggest(text)).includes('FAC:مطار بغداد الدولي'));
    const accepted = [{ ...spanOf(text, 'بغداد'), type: 'GPE' }];
    const found = labelled(text, suggest(text, { accepted }));
    assert.ok(!found.some((l) => l.includes('بغداد')), found.join(', '));
    assert.ok(found.includes('DATE:مساء الثلاثاء'));
  });

  it('never returns a rejected span+type, and offers what it hid instead', () => {
    const text = 'سقط صاروخ قرب مطار بغداد الدولي.';
    const fac = { ...spanOf(text, 'مطار بغداد الدولي'), type: 'FAC' };
    const found = suggest(text, { rejected: [fac] });
    assert.ok(!found.some((s) => s.start === fac.start && s.end === fac.end && s.type === 'FAC'));
    assert.ok(labelled(text, found).includes('GPE:بغداد'));
    // Rejecting another type for the span does not hide the FAC suggestion.
    assert.ok(labelled(text, suggest(text, { rejected: [{ ...fac, type: 'ORG' }] })).includes('FAC:مطار بغداد الدولي'));
  });

  it('does not propagate a rejected suggestion', () => {
    const text = 'قال الباحث زيدون كرماشي إن الوضع خطير. وأضاف كرماشي أن الحل بعيد.';
    const full = spanOf(text, 'زيدون كرماشي');
    const short = spanOf(text, 'كرماشي', 1);
    const plain = labelled(text, suggest(text));
    assert.ok(plain.includes('PER:زيدون كرماشي') && plain.filter((l) => l === 'PER:كرماشي').length === 1, plain.join(', '));
    const found = suggest(text, { rejected: [{ ...full, type: 'PER' }] });
    assert.ok(!found.some((s) => s.type === 'PER' && s.start === short.start), labelled(text, found).join(', '));
  });

  it('lets an accepted type win over a suggested one at the other mentions', () => {
    const text = 'التقى مصطفى الكاظمي الوفد. وقال الكاظمي إن الوضع خطير. وأكد الكاظمي ذلك.';
    const third = spanOf(text, 'الكاظمي', 2);
    const typeAtThird = (found: ReturnType<typeof suggest>) => found.find((x) => x.start === third.start && x.end === third.end)?.type;
    assert.equal(typeAtThird(suggest(text)), 'PER');
    const accepted = [{ ...spanOf(text, 'الكاظمي', 1), type: 'ORG' }];
    assert.equal(typeAtThird(suggest(text, { accepted })), 'ORG');
  });
});
