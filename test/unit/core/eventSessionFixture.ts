// An article session over one sentence with fixed entity suggestions and one suggested Kill event.

import type { Suggestion } from '../../../src/core/model';
import type { EventSuggestRequest, EventSuggester, EventSuggestion } from '../../../src/core/events/types';
import { NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';
import { ArticleSession } from '../../../src/core/session/articleSession';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import type { SuggestRequest, SuggestionEngine } from '../../../src/core/suggest/types';

export const TEXT = 'اغتيل الباحث هشام الهاشمي في بغداد مساء الجمعة.';
export const at = (word: string, type: string) => {
  const start = TEXT.indexOf(word);
  return { start, end: start + word.length, type };
};

/** Entity suggestions: fixed spans of the text. */
const fixedSuggestions = (r: SuggestRequest): Suggestion[] =>
  [at('هشام الهاشمي', 'PER'), at('بغداد', 'GPE'), at('مساء الجمعة', 'DATE')]
    .filter((s) => !r.rejected.some((x) => x.start === s.start && x.type === s.type))
    .map((s) => ({ ...s, confidence: 0.9, source: 'gazetteer' as const }));
const entityEngine: SuggestionEngine = {
  suggest: fixedSuggestions,
  suggestWithin: (r) => ({ suggestions: fixedSuggestions(r), doneLines: 1, totalLines: 1, complete: true }),
};

/** One Kill event on اغتيل, with the candidates it is given as arguments by type. */
export class KillSuggester implements EventSuggester {
  requests: EventSuggestRequest[] = [];
  suggest(r: EventSuggestRequest): EventSuggestion[] {
    this.requests.push(r);
    const trigger = at('اغتيل', 'Kill');
    if (r.acceptedTriggers.some((t) => t.start === trigger.start) || r.rejected.some((x) => x.start === trigger.start && x.type === 'Kill')) return [];
    const role = (type: string) => ({ PER: 'Victim', GPE: 'Place', DATE: 'Time' })[type];
    return [{
      type: 'Kill',
      trigger,
      confidence: 0.8,
      source: 'lexicon',
      arguments: r.entities.filter((e) => role(e.type)).map((e) => ({ role: role(e.type)!, start: e.start, end: e.end, type: e.type, confidence: 0.7 })),
    }];
  }
}

export function session() {
  const suggester = new KillSuggester();
  return { suggester, s: new ArticleSession(TEXT, new AnnotationStore(), NEWS_SCHEMA, entityEngine, { minConfidence: 0 }, suggester) };
}
