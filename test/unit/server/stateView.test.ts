import * as assert from 'node:assert/strict';
import { NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';
import type { SuggestionEngine } from '../../../src/core/suggest/types';
import { ArticleHost } from '../../../src/server/articleHost';
import { articleState } from '../../../src/server/stateView';

describe('article state', () => {
  it('lists a failure to suggest among the problems while it lasts', () => {
    let broken = true;
    const engine: SuggestionEngine = {
      suggest: () => [],
      suggestWithin: (request) => {
        if (broken) throw new Error('index out of range');
        const start = request.text.indexOf('بغداد');
        return { suggestions: [{ start, end: start + 5, type: 'GPE', confidence: 0.9, source: 'gazetteer' }], doneLines: 1, totalLines: 1, complete: true };
      },
    };
    const host = new ArticleHost('untitled:Untitled-1', 'arabic-article', 1, 'وصل الرئيس إلى بغداد.', { schema: NEWS_SCHEMA, schemaProblems: [], engine, options: {} });
    const failed = articleState(host);
    assert.deepEqual(failed.items, []);
    assert.equal(failed.problems.length, 1);
    assert.match(failed.problems[0], /^Tawsim could not make entity suggestions for this article \(index out of range\)/);
    broken = false;
    host.session.refreshSuggestions();
    const working = articleState(host);
    assert.deepEqual(working.problems, []);
    assert.deepEqual(working.items.map((i) => i.text), ['بغداد']);
  });
});
