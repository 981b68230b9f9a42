import * as assert from 'node:assert/strict';
import { normalizeForMatching, normalizeWithMap } from '../../../src/core/text/normalize';
import { splitSentences, tokenize } from '../../../src/core/text/tokenize';
import { OffsetConverter } from '../../../src/core/text/offsets';
import { arabicShare, isMostlyArabic } from '../../../src/core/text/arabicShare';
import { snippetAround } from '../../../src/core/text/snippet';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('matching normalization', () => {
  it('unifies alef forms, alef maqsura, ta marbuta and Arabic-Indic digits', () => {
    assert.equal(normalizeForMatching('أإآٱ ى ة ٢٠١١ ۱۲'), 'اااا ي ه 2011 12');
  });

  it('drops diacritics, tatweel and bidi controls', () => {
    assert.equal(normalizeForMatching('مُحَمَّد العـــراق\u200Fبغداد\u061C'), 'محمد العراقبغداد');
  });

  it('drops the marks written above or below letters: honorifics, hamza and madda marks, Quranic signs', () => {
    assert.equal(normalizeForMatching('الحسين\u0611 محمد\u0610 ا\u0654حمد القرا\u06DCن'), 'الحسين محمد احمد القران');
  });

  it('maps every normalized offset back to the original text', () => {
    const source = 'قَاسِم سُليماني';
    const { text, toOriginal } = normalizeWithMap(source);
    assert.equal(text, 'قاسم سليماني');
    assert.equal(toOriginal.length, text.length + 1);
    const start = text.indexOf('سليماني');
    assert.equal(source.slice(toOriginal[start], toOriginal[text.length]), 'سُليماني');
    for (let i = 0; i < text.length; i++) assert.equal(normalizeForMatching(source[toOriginal[i]]), text[i]);
  });

  it('turns NO-BREAK SPACE and other spaces into plain spaces', () => {
    assert.equal(normalizeForMatching('مطار\u00A0بغداد\u2009الدولي'), 'مطار بغداد الدولي');
  });
});

describe('tokenizer', () => {
  it('splits on NO-BREAK SPACE and Unicode spaces', () => {
    assert.deepEqual(texts('صواريخ\u00A0الميليشيات\u202Fرسائل'), ['صواريخ', 'الميليشيات', 'رسائل']);
  });

  it('takes NEXT LINE (U+0085) as a line break, never as a token', () => {
    assert.deepEqual(texts('سطر\u0085آخر'), ['سطر', 'آخر']);
    assert.equal(splitSentences('سطر\u0085آخر').length, 2);
  });

  it('keeps bidi marks out of token text and spans', () => {
    const text = '\u200Fبغداد\u200E - \u061Cواشنطن\u2067';
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => t.text), ['بغداد', '-', 'واشنطن']);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  });

  it('keeps a bidi mark inside a word in its span but not in its text', () => {
    const [t] = tokenize('بال\u200Fقاهرة');
    assert.equal(t.text, 'بالقاهرة');
    assert.equal(t.end - t.start, 9);
  });

  it('makes Latin letter runs and digit runs their own tokens, even inside an Arabic word', () => {
    const tokens = tokenize('ويrول في 15 يوما و٣٫٥ مليون NATO');
    assert.deepEqual(tokens.map((t) => [t.text, t.kind]), [
      ['وي', 'arabic'], ['r', 'latin'], ['ول', 'arabic'], ['في', 'arabic'], ['15', 'number'], ['يوما', 'arabic'],
      ['و', 'arabic'], ['٣٫٥', 'number'], ['مليون', 'arabic'], ['NATO', 'latin'],
    ]);
  });

  it('splits off Arabic and Latin punctuation', () => {
    assert.deepEqual(texts('قال، «نعم»؛ هل؟ "المقاومين" (أ.ف.ب) تموز/يوليو.'), [
      'قال', '،', '«', 'نعم', '»', '؛', 'هل', '؟', '"', 'المقاومين', '"', '(', 'أ', '.', 'ف', '.', 'ب', ')', 'تموز', '/', 'يوليو', '.',
    ]);
  });

  it('keeps diacritics and tatweel inside words', () => {
    assert.deepEqual(texts('المسلّحة قُتل العـــراق'), ['المسلّحة', 'قُتل', 'العـــراق']);
  });

  it('keeps an honorific mark (U+0610–U+061A) in its word, as an Arabic mark', () => {
    assert.deepEqual(tokenize('زار الحسين\u0611 كربلاء').map((t) => [t.text, t.kind]), [['زار', 'arabic'], ['الحسين\u0611', 'arabic'], ['كربلاء', 'arabic']]);
  });

  it('handles CRLF and a BOM as separators with exact offsets', () => {
    const text = '\uFEFFبغداد\r\nواشنطن';
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => [t.text, t.start, t.end]), [['بغداد', 1, 6], ['واشنطن', 8, 14]]);
  });

  it('never splits a surrogate pair', () => {
    const text = '😀😀بغداد';
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => t.text), ['😀', '😀', 'بغداد']);
    assert.equal(tokens[2].start, 4);
  });

  it('splits sentences on . ! ? ؟ and line breaks', () => {
    const sentences = splitSentences('وصل الكاظمي. هل يلتقي ترامب؟ نعم!\nسطر جديد\r\nآخر');
    assert.deepEqual(sentences.map((s) => s.tokens.map((t) => t.text).join(' ')), [
      'وصل الكاظمي .', 'هل يلتقي ترامب ؟', 'نعم !', 'سطر جديد', 'آخر',
    ]);
  });

  it('does not end a sentence at a decimal point', () => {
    assert.equal(splitSentences('بلغ 3.5 مليون.').length, 1);
  });
});

describe('UTF-16 and code points', () => {
  it('agree without characters outside the BMP', () => {
    const c = new OffsetConverter('بغداد واشنطن');
    for (let i = 0; i <= 12; i++) {
      assert.equal(c.toCodePoint(i), i);
      assert.equal(c.toUtf16(i), i);
    }
  });

  it('differ by one per emoji before the offset', () => {
    const text = 'خبر 😀 عاجل 👍🏽: مصطفى الكاظمي';
    const c = new OffsetConverter(text);
    const start = text.indexOf('مصطفى');
    const cp = [...text].findIndex((_, i) => [...text].slice(0, i).join('').length === start);
    assert.equal(c.toCodePoint(start), cp);
    assert.equal(c.toCodePoint(start), start - 3);
    assert.equal(c.toUtf16(c.toCodePoint(start)), start);
    assert.equal(c.codePointLength, [...text].length);
  });

  it('round-trips every character boundary', () => {
    const text = 'a😀b😀😀c';
    const c = new OffsetConverter(text);
    for (let cp = 0; cp <= c.codePointLength; cp++) assert.equal(c.toCodePoint(c.toUtf16(cp)), cp);
    assert.ok(c.isInsidePair(2));
    assert.ok(!c.isInsidePair(3));
  });
});

describe('Arabic share', () => {
  it('tells Arabic articles from other text', () => {
    assert.ok(isMostlyArabic('سقط صاروخ قرب مطار بغداد NATO'));
    assert.ok(!isMostlyArabic('The rocket fell near Baghdad airport, مطار'));
    assert.equal(arabicShare('12345 !!'), 0);
  });
});

describe('snippets', () => {
  it('cuts context at spaces within the line and marks the span', () => {
    const text = 'سطر أول\nوصل رئيس الوزراء العراقي مصطفى الكاظمي إلى واشنطن للقاء الرئيس الأميركي دونالد ترامب\nسطر آخر';
    const start = text.indexOf('مصطفى الكاظمي');
    const s = snippetAround(text, start, start + 'مصطفى الكاظمي'.length, 20);
    assert.equal(s.text.slice(s.start, s.end), 'مصطفى الكاظمي');
    assert.ok(!s.text.includes('سطر'));
    assert.ok(s.text.startsWith('… '));
    assert.ok(s.text.endsWith(' …'));
  });

  it('cuts at NO-BREAK SPACEs too, never inside a word', () => {
    const text = 'صواريخ\u00A0الميليشيات\u00A0رسائل\u00A0إيرانية ترافق الكاظمي إلى واشنطن';
    const start = text.indexOf('الكاظمي');
    const s = snippetAround(text, start, start + 7, 20);
    assert.equal(s.text, '… إيرانية ترافق الكاظمي إلى واشنطن');
  });
});
