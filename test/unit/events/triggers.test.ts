// Event triggers: every conjugation and clitic form of the lexicon's words, context filters, and
// the annotator's decisions.

import * as assert from 'node:assert/strict';
import { suggestEvents, triggers } from './helpers';

describe('event triggers: morphology', () => {
  const cases: [string, string, string][] = [
    // verbs: past and present, persons, dual, plural, object pronouns
    ['هاجموا المدينة.', 'Attack:هاجموا', 'past, 3rd person plural'],
    ['هاجمت القوات المدينة.', 'Attack:هاجمت', 'past, feminine'],
    ['يهاجمان المدينة.', 'Attack:يهاجمان', 'present, dual'],
    ['نهاجم المدينة.', 'Attack:نهاجم', 'present, 1st person plural'],
    ['تعتقل الشرطة المتهمين.', 'Arrest:تعتقل', 'present, feminine'],
    ['قتلوه أمس.', 'Kill:قتلوه', 'with an object pronoun'],
    ['اعتقلتهم الشرطة.', 'Arrest:اعتقلتهم', 'feminine with a plural object pronoun'],
    // passives, with or without their vowels
    ['اغتيل القائد.', 'Kill:اغتيل', 'a passive with its own spelling'],
    ['قُتل ثلاثة جنود.', 'Kill:قُتل', 'a vocalized passive'],
    ['قُتِلَ الجندي.', 'Kill:قُتِلَ', 'a fully vocalized passive'],
    ['أُفرج عن الصحفي.', 'Release:أُفرج', 'a passive of أفرج'],
    ['يُعتقل المتهمون.', 'Arrest:يُعتقل', 'a present passive'],
    // verbal nouns and plurals
    ['اغتيال القائد.', 'Kill:اغتيال', 'masdar'],
    ['اعتقال المتهم.', 'Arrest:اعتقال', 'masdar'],
    ['أعلن عن لقاء الوزيرين.', 'Meet:لقاء', 'masdar'],
    ['شنت الطائرات غارات.', 'Attack:غارات', 'broken plural'],
    ['وقعت هجمات في كركوك.', 'Attack:هجمات', 'sound plural'],
    // proclitics stay outside the trigger span
    ['وسقط صاروخ على المطار.', 'Attack:سقط', 'conjunction و'],
    ['فاعتقلوا المتهم.', 'Arrest:اعتقلوا', 'conjunction ف'],
    ['ندد الوزير بإطلاق الصواريخ.', 'Attack:إطلاق', 'preposition ب'],
    ['توجه الرئيس للقاء نظيره.', 'Meet:لقاء', 'preposition ل'],
    ['بالهجوم على القاعدة.', 'Attack:الهجوم', 'ب before the article'],
    ['والاغتيالات مستمرة.', 'Kill:الاغتيالات', 'و before the article'],
    ['سيزور الكاظمي واشنطن.', 'Transport:يزور', 'future س'],
    ['سيطلقون سراح الرهائن.', 'Release:يطلقون', 'future س before a plural'],
  ];
  for (const [text, expected, what] of cases) {
    it(`${what}: ${text}`, () => assert.deepEqual(triggers(text), [expected]));
  }
});

describe('event triggers: context', () => {
  it('reads إطلاق سراح as a release and إطلاق with a projectile as an attack', () => {
    assert.deepEqual(triggers('طالب بإطلاق سراح المعتقلين.'), ['Release:إطلاق']);
    assert.deepEqual(triggers('ندد بإطلاق الصواريخ على المطار.'), ['Attack:إطلاق']);
  });

  it('tells the meanings of وقع and مثل apart by their context', () => {
    assert.deepEqual(triggers('وقع الطرفان اتفاقية.'), ['Agreement:وقع']);
    assert.deepEqual(triggers('وقع انفجار في السوق.'), ['Attack:انفجار']);
    assert.deepEqual(triggers('مثل المتهم أمام القاضي.'), ['Trial:مثل']);
    assert.deepEqual(triggers('مثل هذا الأمر.'), []);
  });

  it('reads أوقف as an arrest only with a suspect or a person after it', () => {
    assert.deepEqual(triggers('أوقفت الشرطة ثلاثة مشتبه بهم في طنجة.'), ['Arrest:أوقفت']);
    assert.deepEqual(triggers('أوقفت الحكومة الدعم عن المصانع.'), []);
  });

  it('reads قضى، حكم as a trial only near a court word', () => {
    assert.deepEqual(triggers('قضت المحكمة بسجن المتهم عشر سنوات.'), ['Trial:قضت']);
    assert.deepEqual(triggers('حكم عليه بالسجن.'), ['Trial:حكم']);
    assert.deepEqual(triggers('قضى الجندي ليلته في الثكنة.'), []);
  });

  it('finds سراح with a pronoun (إطلاق سراحه) and leaves جواز سفر alone', () => {
    assert.deepEqual(triggers('طالبوا بإطلاق سراحه فورا.'), ['Release:إطلاق']);
    assert.deepEqual(triggers('حاول السفر بجواز سفر مزور.'), ['Transport:السفر']);
  });

  it('does not take a press conference or a ceasefire for events', () => {
    assert.deepEqual(triggers('عقد مؤتمر صحفي.'), []);
    assert.deepEqual(triggers('اتفق الطرفان على وقف إطلاق النار.').filter((t) => t.startsWith('Attack')), []);
  });

  it('trusts a visit less without a traveller, and a negated event less', () => {
    const confidence = (text: string) => suggestEvents(text)[0].confidence;
    assert.ok(confidence('زيارة المتحف ممتعة.') < confidence('زيارته إلى بغداد مهمة.'));
    assert.ok(confidence('لم يقتل أحد.') < confidence('قتل أحد.'));
  });

  it('gives each suggestion a confidence in (0, 1] and a source', () => {
    for (const e of suggestEvents('اغتيل القائد ثم سقط صاروخ على المطار وأفرج عن الصحفي.')) {
      assert.ok(e.confidence > 0 && e.confidence <= 1, `${e.type} ${e.confidence}`);
      assert.match(e.source, /^lexicon/);
    }
  });
});

describe('event triggers: decisions and schema', () => {
  const text = 'اغتيل القائد ثم سقط صاروخ على المطار.';
  const span = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

  it('never suggests a rejected event again, but still the other type at that word', () => {
    assert.deepEqual(triggers(text, { rejected: [{ ...span('اغتيل'), type: 'Kill' }] }), ['Attack:سقط']);
  });

  it('suggests nothing over an accepted trigger', () => {
    assert.deepEqual(triggers(text, { acceptedTriggers: [span('سقط')] }), ['Kill:اغتيل']);
  });

  it('suggests only the event types the schema has', async () => {
    const { parseAnnotationConf } = await import('../../../src/core/schema/bratConf');
    const { buildSchema } = await import('../../../src/core/schema/buildSchema');
    const conf = parseAnnotationConf('[entities]\nPER\n[relations]\n[events]\nKill\tVictim*:PER\n[attributes]\n', 'annotation.conf').conf!;
    assert.deepEqual(triggers(text, { schema: buildSchema(conf, undefined, 'annotation.conf') }), ['Kill:اغتيل']);
  });
});
