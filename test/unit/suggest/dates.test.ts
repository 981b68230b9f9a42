// rule:date on short sentences.

import * as assert from 'node:assert/strict';
import { labelled, suggest } from './helpers';

const dates = (text: string) => labelled(text, suggest(text)).filter((l) => l.startsWith('DATE:')).map((l) => l.slice(5));

describe('suggestion engine: dates', () => {
  it('reads weekdays, with a part of the day, يوم or اليوم', () => {
    assert.deepEqual(dates('سقط صاروخ مساء الثلاثاء، ووصل الوفد يوم الخميس واليوم الجمعة.'), ['مساء الثلاثاء', 'يوم الخميس', 'اليوم الجمعة']);
  });

  it('reads a season with a relative modifier, but not the Arab Spring', () => {
    assert.deepEqual(dates('اعتقل خلال احتجاجات الربيع الماضي، ويعود في الصيف المقبل، بعد ثورات الربيع العربي.'), ['الربيع الماضي', 'الصيف المقبل']);
  });

  it('reads a weekday after أمس or غدا as one date', () => {
    assert.deepEqual(dates('وصل الوفد أمس الأحد، ويلتقي الوزير غدا الاثنين.'), ['أمس الأحد', 'غدا الاثنين']);
  });

  it('needs context for a weekday that is also an ordinary word', () => {
    assert.deepEqual(dates('اتفق الاثنين على الحل.'), []);
    assert.deepEqual(dates('وصل صباح الاثنين.'), ['صباح الاثنين']);
  });

  it('reads both month systems, X/Y pairs, days and years', () => {
    assert.deepEqual(dates('بين تشرين الأول/أكتوبر ونهاية تموز/يوليو'), ['تشرين الأول/أكتوبر', 'نهاية تموز/يوليو']);
    assert.deepEqual(dates('في 15 آذار 2003 وفي مايو/أيار الماضي'), ['15 آذار 2003', 'مايو/أيار الماضي']);
  });

  it('needs context for a month name that is also an ordinary word', () => {
    assert.deepEqual(dates('مارس الضغط على الحكومة'), []);
    assert.deepEqual(dates('في 3 مارس'), ['3 مارس']);
  });

  it('reads years, relative dates and durations', () => {
    assert.deepEqual(dates('وقعا الاتفاقية عام 2008 وانسحبت القوات أواخر 2011.'), ['عام 2008', 'أواخر 2011']);
    assert.deepEqual(dates('وصل أمس بعد ثلاثة أيام، وفي الأسبوع الماضي غاب 15 يوما'), ['أمس', 'ثلاثة أيام', 'الأسبوع الماضي', '15 يوما']);
    assert.deepEqual(dates('غاب يومين ثم شهر ونصف'), ['يومين', 'شهر ونصف']);
  });

  it('does not read "the day that" as today', () => {
    assert.deepEqual(dates('في اليوم الذي وصل فيه'), []);
    assert.deepEqual(dates('وصل اليوم إلى واشنطن'), ['اليوم']);
  });
});
