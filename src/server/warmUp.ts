// Warming the server up once the first article has loaded the tagger. Node compiles a function to
// fast code only after it has run many times, and the tagger and the engine cache what they work
// out per word: a server that has suggested little yet takes about twice as long over an article
// it has not seen (`npm run bench`: the sample article about 60 ms, 34 after the warm-up). So
// the server suggests ANERcorp training sentences (shipped for retraining) in throwaway sessions,
// one small article per turn of the event loop, so that the annotator's messages go first. A
// warm-up that fails says so and stops.

import * as fs from 'node:fs';
import { NEWS_SCHEMA } from '../core/schema/defaultSchema';
import { ArticleSession } from '../core/session/articleSession';
import { AnnotationStore } from '../core/store/annotationStore';
import type { SuggestionEngine } from '../core/suggest/types';
import type { EventSuggester } from '../core/events/types';
import { readConll } from '../core/tagger/conll';

/** Sentences suggested in all, and per throwaway article (one turn of the event loop each). */
export const WARM_UP_SENTENCES = 1000;
const SENTENCES_PER_ARTICLE = 8;

export interface WarmUpOptions {
  /** A CoNLL file of sentences (ANERcorp's training split). */
  readonly conllFile: string;
  /** An engine of its own (its line caches are dropped afterwards), on the server's resources and tagger. */
  readonly engine: SuggestionEngine;
  readonly eventSuggester: EventSuggester;
  readonly sentences: number;
  /** Called once: when the last article is suggested, or with why the warm-up stopped early (not when stopped). */
  readonly done: (report: { sentences: number; ms: number } | { error: string }) => void;
}

/** The sentences of a CoNLL file as articles of a few lines, one sentence a line. */
export function warmUpArticles(conll: string, sentences: number): string[] {
  const lines = readConll(conll)
    .slice(0, sentences)
    .map((s) => s.tokens.join(' '));
  const articles: string[] = [];
  for (let i = 0; i < lines.length; i += SENTENCES_PER_ARTICLE) articles.push(lines.slice(i, i + SENTENCES_PER_ARTICLE).join('\n'));
  return articles;
}

/**
 * Starts warming up; the returned function stops it (the server is shutting down). Once done or
 * stopped, nothing of the warm-up stays reachable from that function (the server keeps it): its
 * engine, event suggester and articles are dropped with their caches.
 */
export function startWarmUp(options: WarmUpOptions): () => void {
  const { done } = options;
  let articles: string[];
  try {
    articles = warmUpArticles(fs.readFileSync(options.conllFile, 'utf8'), options.sentences);
  } catch (e) {
    done({ error: (e as Error).message });
    return () => undefined;
  }
  if (articles.length === 0) {
    done({ error: `no sentences in ${options.conllFile}` });
    return () => undefined;
  }
  let work: { readonly engine: SuggestionEngine; readonly eventSuggester: EventSuggester; readonly articles: string[] } | undefined = {
    engine: options.engine,
    eventSuggester: options.eventSuggester,
    articles,
  };
  const total = articles.reduce((n, a) => n + a.split('\n').length, 0);
  let timer: NodeJS.Timeout | undefined;
  let busyMs = 0;
  let next = 0;
  const finish = (report: Parameters<WarmUpOptions['done']>[0]) => {
    work = undefined;
    done(report);
  };
  const step = () => {
    if (!work) return;
    const started = performance.now();
    const session = new ArticleSession(work.articles[next++], new AnnotationStore([]), NEWS_SCHEMA, work.engine, {}, work.eventSuggester);
    session.suggestions();
    session.eventSuggestions();
    // The session keeps an engine's failure from escaping (see ArticleSession.suggestionFailure).
    if (session.suggestionFailure) return finish({ error: `suggesting its article ${next}: ${session.suggestionFailure.error.message}` });
    busyMs += performance.now() - started;
    if (next < work.articles.length) timer = setTimeout(step, 0);
    else finish({ sentences: total, ms: busyMs });
  };
  timer = setTimeout(step, 0);
  return () => {
    work = undefined;
    clearTimeout(timer);
  };
}
