import * as assert from 'node:assert/strict';
import type { Suggestion } from '../../../src/core/model';
import { NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';
import { ArticleSession } from '../../../src/core/session/articleSession';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import type { SuggestProgress, SuggestRequest, SuggestionEngine } from '../../../src/core/suggest/types';

/** An engine that suggests every occurrence of fixed words, and records what it was asked. */
class WordEngine implements SuggestionEngine {
  requests: SuggestRequest[] = [];
  constructor(private readonly words: Record<string, string>) {}
  suggest(request: SuggestRequest): Suggestion[] {
    this.requests.push(request);
    const out: Suggestion[] = [];
    for (const [word, type] of Object.entries(this.words)) {
      for (let i = request.text.indexOf(word); i >= 0; i = request.text.indexOf(word, i + 1)) {
        const s = { start: i, end: i + word.length, type };
        if (request.rejected.some((r) => r.start === s.start && r.end === s.end && r.type === s.type)) continue;
        out.push({ ...s, confidence: word === 'اليوم' ? 0.2 : 0.9, source: 'gazetteer' });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }
  suggestWithin(request: SuggestRequest): SuggestProgress {
    return { suggestions: this.suggest(request), doneLines: 1, totalLines: 1, complete: true };
  }
}

const TEXT = 'وصل الكاظمي إلى واشنطن اليوم. وفي واشنطن التقى ترامب بالكاظمي.';

function session(minConfidence = 0) {
  const engine = new WordEngine({ 'الكاظمي': 'PER', 'واشنطن': 'GPE', 'ترامب': 'PER', 'اليوم': 'DATE' });
  return { engine, s: new ArticleSession(TEXT, new AnnotationStore(), NEWS_SCHEMA, engine, { minConfidence }) };
}
const at = (word: string, type: string, nth = 0) => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = TEXT.indexOf(word, start + 1);
  return { start, end: start + word.length, type };
};

describe('article session', () => {
  it('accepting a suggestion stores it and hides the suggestion', () => {
    const { s } = session();
    const before = s.suggestions().length;
    const r = s.perform({ kind: 'accept', target: at('واشنطن', 'GPE') });
    assert.ok(r.changed);
    assert.equal(s.accepted().length, 1);
    assert.equal(s.suggestions().length, before - 1);
    assert.ok(!s.suggestions().some((x) => x.start === at('واشنطن', 'GPE').start));
  });

  it('passes accepted annotations and rejections to the engine', () => {
    const { s, engine } = session();
    s.perform({ kind: 'accept', target: at('ترامب', 'PER') });
    s.perform({ kind: 'reject', target: at('واشنطن', 'GPE', 1) });
    s.suggestions();
    const last = engine.requests[engine.requests.length - 1];
    assert.deepEqual(last.accepted.map((a) => a.type), ['PER']);
    assert.deepEqual(last.rejected, [at('واشنطن', 'GPE', 1)]);
  });

  it('a rejected suggestion stays rejected', () => {
    const { s } = session();
    s.perform({ kind: 'reject', target: at('واشنطن', 'GPE') });
    assert.ok(!s.suggestions().some((x) => x.start === at('واشنطن', 'GPE').start));
    assert.equal(s.rejected().length, 1);
    assert.equal(s.perform({ kind: 'reject', target: at('واشنطن', 'GPE') }).changed, false);
  });

  it('accepts all suggestions of the same text and type', () => {
    const { s } = session();
    const r = s.perform({ kind: 'acceptAllSame', target: at('واشنطن', 'GPE') });
    assert.match(r.message, /2 mentions/);
    assert.deepEqual(s.accepted().map((a) => s.textOf(a.spans)), ['واشنطن', 'واشنطن']);
  });

  it('accepts every suggestion of the sentence at the cursor, or of the selection', () => {
    const { s } = session();
    const r = s.perform({ kind: 'acceptWithin', range: { start: 5, end: 5 } });
    assert.equal(r.message, 'Accepted 3 entities in this sentence.');
    assert.deepEqual(s.accepted().map((a) => `${s.textOf(a.spans)}/${a.type}`), ['الكاظمي/PER', 'واشنطن/GPE', 'اليوم/DATE']);
    assert.deepEqual(s.suggestions().map((x) => s.textOf([x])), ['واشنطن', 'ترامب', 'الكاظمي'], 'the next sentence is left for review');

    const w = at('واشنطن', 'GPE', 1);
    const t = at('ترامب', 'PER');
    assert.equal(s.perform({ kind: 'acceptWithin', range: { start: w.start, end: t.end } }).message, 'Accepted 2 entities in the selection.');
    assert.deepEqual(s.suggestions().map((x) => s.textOf([x])), ['الكاظمي']);
    const none = s.perform({ kind: 'acceptWithin', range: { start: w.start, end: t.end } });
    assert.deepEqual([none.changed, none.message], [false, 'No suggestions in the selection.']);
  });

  it('accepts the confident suggestions of the article and leaves the others to review', () => {
    const { s } = session();
    const article = { start: 0, end: TEXT.length };
    assert.deepEqual(s.perform({ kind: 'acceptWithin', range: article, minConfidence: 0.95 }), { changed: false, message: 'No suggestions of confidence 95% or more in the article.' });
    const r = s.perform({ kind: 'acceptWithin', range: article, minConfidence: 0.5 });
    assert.equal(r.message, 'Accepted 5 entities of confidence 50% or more in the article.');
    assert.deepEqual(s.accepted().map((a) => s.textOf(a.spans)), ['الكاظمي', 'واشنطن', 'واشنطن', 'ترامب', 'الكاظمي']);
    assert.deepEqual(s.suggestions().map((x) => `${s.textOf([x])}/${x.confidence}`), ['اليوم/0.2'], 'the unsure one stays a suggestion');
    s.perform({ kind: 'undo' });
    assert.equal(s.accepted().length, 0, 'one decision, undone at once');
  });

  it('marks what the confident accept took as unseen until a decision is made in its sentence', () => {
    const { s } = session();
    s.perform({ kind: 'acceptWithin', range: { start: 0, end: TEXT.length }, minConfidence: 0.5 });
    const unseen = () => s.accepted().filter((a) => a.unseen).map((a) => s.textOf(a.spans));
    assert.deepEqual(unseen(), ['الكاظمي', 'واشنطن', 'واشنطن', 'ترامب', 'الكاظمي']);
    s.perform({ kind: 'reject', target: at('اليوم', 'DATE') });
    assert.deepEqual(unseen(), ['واشنطن', 'ترامب', 'الكاظمي'], 'the first sentence is reviewed');
    s.perform({ kind: 'undo' });
    assert.equal(unseen().length, 5, 'undo brings the marks back');
    s.perform({ kind: 'accept', target: at('ترامب', 'PER') });
    assert.equal(unseen().length, 5, 'a decision that changes nothing reviews nothing');
    // Accepting a sentence confirms what was taken unseen in it, even with nothing left to accept.
    assert.equal(s.perform({ kind: 'acceptWithin', range: { start: 5, end: 5 } }).message, 'Accepted 1 entity in this sentence; reviewed 2 annotations taken unseen.');
    const second = at('ترامب', 'PER').start;
    assert.deepEqual(s.perform({ kind: 'acceptWithin', range: { start: second, end: second } }), { changed: true, message: 'Reviewed 3 annotations taken unseen in this sentence.' });
    assert.deepEqual(unseen(), []);
    assert.deepEqual(s.perform({ kind: 'acceptWithin', range: { start: second, end: second } }), { changed: false, message: 'No suggestions in this sentence.' });
  });

  it('rejecting an accepted annotation deletes it, and it is not suggested again', () => {
    const { s } = session();
    s.perform({ kind: 'acceptWithin', range: { start: 0, end: TEXT.length }, minConfidence: 0.5 });
    const r = s.perform({ kind: 'reject', target: at('ترامب', 'PER') });
    assert.deepEqual(r, { changed: true, message: 'Rejected «ترامب» as PER (it was accepted).' });
    assert.ok(!s.accepted().some((a) => s.textOf(a.spans) === 'ترامب'));
    assert.ok(!s.suggestions().some((x) => s.textOf([x]) === 'ترامب'));
    assert.equal(s.rejected().length, 1);
    s.perform({ kind: 'undo' });
    assert.ok(s.accepted().some((a) => s.textOf(a.spans) === 'ترامب') && s.rejected().length === 0);
  });

  it('rejects every suggestion of the sentence at the cursor, and they stay rejected', () => {
    const { s } = session();
    const second = at('ترامب', 'PER').start;
    const r = s.perform({ kind: 'rejectWithin', range: { start: second, end: second } });
    assert.equal(r.message, 'Rejected 3 entities in this sentence.');
    assert.deepEqual(s.rejected().map((a) => s.textOf(a.spans)), ['واشنطن', 'ترامب', 'الكاظمي']);
    assert.deepEqual(s.suggestions().map((x) => s.textOf([x])), ['الكاظمي', 'واشنطن', 'اليوم'], 'the first sentence keeps its suggestions');
    assert.equal(s.accepted().length, 0);
  });

  it('of two overlapping suggestions in the sentence, accepts only the surer', () => {
    const engine = new WordEngine({ 'اليوم': 'DATE', 'واشنطن اليوم': 'GPE' });
    const s = new ArticleSession(TEXT, new AnnotationStore(), NEWS_SCHEMA, engine, { minConfidence: 0 });
    assert.equal(s.suggestions().length, 2);
    s.perform({ kind: 'acceptWithin', range: { start: 0, end: 0 } });
    assert.deepEqual(s.accepted().map((a) => `${s.textOf(a.spans)}/${a.type}`), ['واشنطن اليوم/GPE']);
  });

  it('finishes suggesting a short text before accepting its sentence', () => {
    const engine = new WordEngine({ 'الكاظمي': 'PER', 'واشنطن': 'GPE' });
    let calls = 0;
    // Complete only from the third round on, as after the model changed on a slow machine.
    engine.suggestWithin = (request) => ({ suggestions: engine.suggest(request), doneLines: 1, totalLines: 2, complete: ++calls >= 3 });
    const s = new ArticleSession(TEXT, new AnnotationStore(), NEWS_SCHEMA, engine, { minConfidence: 0 });
    assert.ok(s.suggesting);
    const r = s.perform({ kind: 'acceptWithin', range: { start: 5, end: 5 } });
    assert.equal(r.message, 'Accepted 2 entities in this sentence.');
  });

  it('accepts nothing while suggestions are still coming', () => {
    const engine = new WordEngine({ 'الكاظمي': 'PER' });
    engine.suggestWithin = (request) => ({ suggestions: engine.suggest(request), doneLines: 1, totalLines: 3, complete: false });
    const s = new ArticleSession(TEXT, new AnnotationStore(), NEWS_SCHEMA, engine, { minConfidence: 0 });
    const r = s.perform({ kind: 'acceptWithin', range: { start: 5, end: 5 } });
    assert.equal(r.changed, false);
    assert.match(r.message, /still coming \(1 of 3 lines\)/);
    assert.equal(s.accepted().length, 0);
  });

  it('hides suggestions below the minimum confidence', () => {
    assert.ok(session(0).s.suggestions().some((x) => x.type === 'DATE'));
    assert.ok(!session(0.5).s.suggestions().some((x) => x.type === 'DATE'));
  });

  it('drops suggestions overlapping an accepted annotation', () => {
    const { s } = session();
    const k = at('الكاظمي', 'PER');
    s.perform({ kind: 'annotate', target: { start: k.start - 4, end: k.end, type: 'PER' } });
    assert.ok(!s.suggestions().some((x) => x.start === k.start));
  });

  it('annotates a selection without its surrounding spaces', () => {
    const { s } = session();
    const k = at('ترامب', 'PER');
    s.perform({ kind: 'annotate', target: { start: k.start - 1, end: k.end + 1, type: 'PER' } });
    assert.deepEqual(s.accepted().map((a) => a.spans[0]), [{ start: k.start, end: k.end }]);
  });

  it('changes type, resizes and deletes accepted annotations', () => {
    const { s } = session();
    s.perform({ kind: 'accept', target: at('واشنطن', 'GPE') });
    const id = s.accepted()[0].id;
    assert.ok(s.perform({ kind: 'changeType', id, type: 'LOC' }).changed);
    assert.equal(s.accepted()[0].type, 'LOC');
    assert.ok(!s.perform({ kind: 'changeType', id, type: 'NOPE' }).changed);
    s.perform({ kind: 'resize', id, edge: 'start', delta: 1 });
    assert.equal(s.textOf(s.accepted()[0].spans), ' واشنطن');
    s.perform({ kind: 'resize', id, edge: 'end', delta: -2 });
    assert.equal(s.textOf(s.accepted()[0].spans), ' واشن');
    assert.ok(s.perform({ kind: 'delete', id }).changed);
    assert.equal(s.accepted().length, 0);
  });

  it('includes and excludes the proclitic of the first word', () => {
    const { s } = session();
    const k = at('الكاظمي', 'PER', 1);
    s.perform({ kind: 'accept', target: k });
    const id = s.accepted()[0].id;
    assert.equal(s.procliticToggle(id)?.clitic, 'ب');
    s.perform({ kind: 'toggleProclitic', id });
    assert.equal(s.textOf(s.accepted()[0].spans), 'بالكاظمي');
    s.perform({ kind: 'toggleProclitic', id });
    assert.equal(s.textOf(s.accepted()[0].spans), 'الكاظمي');
  });

  it('excludes the proclitic of a word with a bidi mark or a joiner in it, counting those marks', () => {
    for (const [text, expected] of [['زار و\u200Cبالعراق', 'العراق'], ['زار وب\u200Fالعراق', 'العراق']]) {
      const s = new ArticleSession(text, new AnnotationStore(), NEWS_SCHEMA, new WordEngine({}), { minConfidence: 0 });
      s.perform({ kind: 'accept', target: { start: 4, end: text.length, type: 'GPE' } });
      const id = s.accepted()[0].id;
      assert.ok(s.perform({ kind: 'toggleProclitic', id }).changed);
      assert.equal(s.textOf(s.accepted()[0].spans), expected, JSON.stringify(text));
    }
  });

  it('annotates a rejected suggestion with another type (Change Type… on a rejected mention)', () => {
    const { s } = session();
    const w = at('واشنطن', 'GPE');
    s.perform({ kind: 'reject', target: w });
    assert.ok(s.perform({ kind: 'annotate', target: { ...w, type: 'LOC' } }).changed);
    assert.deepEqual(s.accepted().map((a) => [s.textOf(a.spans), a.type]), [['واشنطن', 'LOC']]);
  });

  it('refuses spans outside the text and unknown types', () => {
    const { s } = session();
    assert.ok(!s.perform({ kind: 'accept', target: { start: 5, end: 500, type: 'PER' } }).changed);
    assert.ok(!s.perform({ kind: 'accept', target: { start: 0, end: 3, type: 'EVENT' } }).changed);
  });

  it('keeps annotations in step with text edits', () => {
    const { s } = session();
    s.perform({ kind: 'accept', target: at('ترامب', 'PER') });
    s.applyChanges([{ start: 0, end: 0, text: 'عاجل: ' }]);
    assert.equal(s.textOf(s.accepted()[0].spans), 'ترامب');
    assert.ok(s.suggestions().every((x) => s.text.slice(x.start, x.end) !== 'ترامب' || x.start !== s.accepted()[0].spans[0].start));
  });
});

describe('article session when suggesting fails', () => {
  /** WordEngine that throws while `broken`, as an engine bug would. */
  class BreakingEngine extends WordEngine {
    broken = true;
    override suggestWithin(request: SuggestRequest): SuggestProgress {
      if (this.broken) throw new Error('index out of range');
      return super.suggestWithin(request);
    }
  }

  it('shows no suggestions and says why, while annotating by hand goes on; suggestions come back when the engine works again', () => {
    const engine = new BreakingEngine({ 'الكاظمي': 'PER', 'واشنطن': 'GPE' });
    const s = new ArticleSession(TEXT, new AnnotationStore(), NEWS_SCHEMA, engine);
    assert.deepEqual(s.suggestions(), []);
    assert.equal(s.suggesting, undefined, 'nothing is left waiting');
    assert.equal(s.suggestionFailure?.error.message, 'index out of range');
    assert.match(s.suggestionFailure!.message, /^Tawsim could not make entity suggestions for this article \(index out of range\); none are shown\. Annotating by hand and saving work as usual, and nothing is lost\.$/);
    const r = s.perform({ kind: 'annotate', target: at('واشنطن', 'GPE') });
    assert.ok(r.changed, r.message);
    assert.equal(s.accepted().length, 1);
    engine.broken = false;
    s.refreshSuggestions();
    assert.deepEqual(s.suggestions().map((x) => s.text.slice(x.start, x.end)), ['الكاظمي', 'واشنطن', 'الكاظمي']);
    assert.equal(s.suggestionFailure, undefined);
  });

  it('says so when the event suggester fails, and keeps the entity suggestions', () => {
    const engine = new WordEngine({ 'الكاظمي': 'PER' });
    const failing = { suggest: () => { throw new Error('no trigger lexicon'); } };
    const s = new ArticleSession(TEXT, new AnnotationStore(), NEWS_SCHEMA, engine, {}, failing);
    assert.deepEqual(s.eventSuggestions(), []);
    assert.equal(s.suggestions().length, 2);
    assert.match(s.suggestionFailure!.message, /could not make event suggestions for this article \(no trigger lexicon\)/);
  });
});
