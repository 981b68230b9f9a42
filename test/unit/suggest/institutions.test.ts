// rule:org-head on institution names: the head with ال, adjectives, then what it is for after ل.

import * as assert from 'node:assert/strict';
import { labelled, suggest } from './helpers';

const orgs = (text: string) => labelled(text, suggest(text)).filter((l) => l.startsWith('ORG:'));

describe('suggestion engine: institution names', () => {
  it('takes the head, its adjectives and a definite ل-complement', () => {
    assert.deepEqual(orgs('وقالت الشركة الموريتانية للطاقات المتجددة إن المشروع تأخر.'), ['ORG:الشركة الموريتانية للطاقات المتجددة']);
    assert.deepEqual(orgs('وقال المجلس الأعلى للقضاء في بيان.'), ['ORG:المجلس الأعلى للقضاء']);
    assert.deepEqual(orgs('وطالبت النقابة العامة للصحفيين بالإفراج عنهم.'), ['ORG:النقابة العامة للصحفيين']);
  });

  it('takes a noun in construct after ل with its definite complement', () => {
    assert.deepEqual(orgs('أصدرت المديرية العامة لمراقبة التراب الوطني بيانا.'), ['ORG:المديرية العامة لمراقبة التراب الوطني']);
    assert.deepEqual(orgs('قال رئيس الهيئة الوطنية لمكافحة الفساد إن التحقيق مستمر.'), ['ORG:الهيئة الوطنية لمكافحة الفساد']);
  });

  it('keeps the article lam of للـ and leaves a conjunction out, as every span does', () => {
    assert.deepEqual(orgs('في رسالة وللمجلس الأعلى للقضاء رأي آخر.'), ['ORG:لمجلس الأعلى للقضاء']);
  });

  it('needs the ل-complement: a head and an adjective alone are no name', () => {
    assert.deepEqual(orgs('وقالت الشركة الموريتانية إن المشروع تأخر.'), []);
  });

  it('leaves out what follows ل when it is a purpose, a recipient or a listed name', () => {
    assert.deepEqual(orgs('تقدمت الجبهة الوطنية للسيطرة على المدينة.').filter((o) => o.includes('للسيطرة')), []);
    assert.deepEqual(orgs('ووجهت الهيئة العامة للوزير سؤالا.').filter((o) => o.includes('للوزير')), []);
    assert.deepEqual(orgs('قال ممثل الاتحاد الأوروبي للشؤون الخارجية.'), ['ORG:الاتحاد الأوروبي']);
  });

  it('does not read every head noun as an institution (مركز is also a place)', () => {
    assert.deepEqual(orgs('دخل المسلحون المركز التجاري للمدينة.'), []);
  });
});
