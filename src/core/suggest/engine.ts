// The baseline suggestion engine. Per line (cached by the line's text, so that an edit recomputes
// only the lines it touched): the proposers' proposals, resolved into non-overlapping suggestions,
// and the seeds they plant. Per document (cheap): the annotator's decisions, then consistency.

import type { Suggestion } from '../model';
import { seedsOfSpan, seedsOfSuggestions, SeedIndex, splitAtPersonSeeds, type Seed } from './consistency';
import { CONFIDENCE } from './confidence';
import { analyzeLine, type LineContext } from './lineContext';
import { wordAnalyzerFor } from './words';
import { LruCache } from './lineCache';
import type { LineProposer, Proposal } from './proposal';
import { dateProposer } from './proposers/dates';
import { facilityHeadProposer } from './proposers/facilityHeads';
import { gazetteerProposer } from './proposers/gazetteer';
import { nisbaProposer } from './proposers/nisba';
import type { SourceWeights } from '../learning/sourceReliability';
import { institutionProposer } from './proposers/institutions';
import { orgHeadProposer } from './proposers/orgHeads';
import { personNameProposer } from './proposers/personNames';
import { placeHeadProposer } from './proposers/placeHeads';
import { titleProposer } from './proposers/titles';
import { attachDecisions, splitLines, type DecidedLine } from './requestLines';
import { excludeDecided, resolveOverlaps, spanKey } from './resolve';
import type { EngineResources } from './resources';
import type { SuggestionEngine, SuggestProgress, SuggestRequest } from './types';
import type { Schema } from '../schema/types';
import type { DocumentContext, TaggerModel } from '../tagger';
import { contextKeyOf, firstPasses, leaveGroupsToRules, type ModelSentence, modelProposals, type TaggerSource, weighAgainstModel } from './modelProposals';

export interface EngineOptions {
  /** Line proposers; default: `defaultProposers`. A trained model joins as one more. */
  readonly proposers?: readonly LineProposer[];
  /**
   * Distinct lines whose analysis is kept between calls (least recently used dropped first). The
   * cache grows to hold every line of the largest document suggested, so that no edit of it
   * re-analyses more than the lines the edit touched.
   */
  readonly lineCacheSize?: number;
  /** The trained tagger, if any: its spans join the proposers' (PER, ORG and places). */
  readonly tagger?: TaggerSource;
  /** How far the annotator's decisions bear out each source and type: their confidences are weighed by it. */
  readonly reliability?: SourceWeights;
}

const DEFAULT_LINE_CACHE = 10000;

/** Whether there is time for one more piece of work: always for the first, so that every call makes progress. */
function until(deadline: number): () => boolean {
  let first = true;
  return () => {
    const ok = first || performance.now() < deadline;
    first = false;
    return ok;
  };
}

/**
 * The proposers whose proposals are features of the trained tagger (src/core/tagger/ruleFeatures.ts):
 * a model learns their outputs, so this list changes only with a retrained model. Proposers added
 * later join defaultProposers alone.
 */
export function taggerRuleProposers(res: EngineResources): LineProposer[] {
  return [
    gazetteerProposer(res),
    personNameProposer(res),
    titleProposer(res),
    orgHeadProposer(res),
    facilityHeadProposer(res),
    nisbaProposer(res),
    dateProposer(res),
  ];
}

export function defaultProposers(res: EngineResources): LineProposer[] {
  return [...taggerRuleProposers(res), placeHeadProposer(res), institutionProposer(res)];
}

/** What the rules make of a line text (for one set of allowed types), whatever the model. */
interface RuleAnalysis {
  readonly context: LineContext;
  /** The rule proposers' proposals of allowed types, line-relative. */
  readonly ruleProposals: readonly Proposal[];
}

/** What is cached per line text (for one set of allowed types and one model). */
interface AnalyzedLine extends RuleAnalysis {
  /** The tagger's first pass over the line's sentences. */
  readonly sentences: readonly ModelSentence[];
}

/** What is cached per line text and the document context its second pass reads. */
interface ResolvedLine {
  /** Rule and model proposals. */
  readonly proposals: readonly Proposal[];
  /** The proposals resolved into non-overlapping suggestions. */
  readonly resolved: readonly Proposal[];
  readonly seeds: readonly Seed[];
}

interface RequestLine extends DecidedLine {
  /** Undefined while the line waits for a later call (suggestWithin). */
  readonly analyzed: AnalyzedLine | undefined;
}

export function createSuggestionEngine(res: EngineResources, options: EngineOptions = {}): SuggestionEngine {
  const proposers = options.proposers ?? defaultProposers(res);
  const cacheSize = options.lineCacheSize ?? DEFAULT_LINE_CACHE;
  /** Kept when the model changes (the online learner changes it often): the rules do not. */
  let ruleCache = new LruCache<string, RuleAnalysis>(cacheSize);
  let cache = new LruCache<string, AnalyzedLine>(cacheSize);
  let resolvedCache = new LruCache<string, ResolvedLine>(cacheSize);
  /** The last resolution of each line text, whatever its document context: shown while a long document is still being suggested. */
  let lastResolved = new LruCache<string, ResolvedLine>(cacheSize);
  let cachedFor = '';
  /** Each line text's mentions of the seeds, for the seeds whose signature is `mentionsFor`. */
  let mentionCache = new LruCache<string, readonly Proposal[]>(cacheSize);
  let mentionsFor = '';
  /** Each document's last context, updated by its next call; requests that name no document share one. */
  const documentContexts = new WeakMap<object, DocumentContext>();
  const anonymous = {};
  let rulesCachedFor = '';
  const analyzer = wordAnalyzerFor(res);

  const analyze = (text: string, allowed: ReadonlySet<string>, model: TaggerModel | undefined, inTime: () => boolean): AnalyzedLine | undefined => {
    let line = cache.get(text);
    if (!line && inTime()) {
      let rules = ruleCache.get(text);
      if (!rules) {
        const context = analyzeLine(text, analyzer, res);
        ruleCache.set(text, (rules = { context, ruleProposals: proposers.flatMap((p) => p.propose(context)).filter((p) => allowed.has(p.type)) }));
      }
      line = { ...rules, sentences: model ? firstPasses(rules.context, model) : [] };
      cache.set(text, line);
    }
    return line;
  };

  /**
   * The line's resolution in this document context (`final`), or its last one: while lines of the
   * document are still unanalysed (the context will change again) or when time is up.
   */
  const resolveLine = (
    line: AnalyzedLine,
    model: TaggerModel | undefined,
    documentContext: DocumentContext | undefined,
    bareInDocument: ReadonlySet<string>,
    schema: Schema,
    inTime: () => boolean,
    contextComplete: boolean,
  ): { resolved: ResolvedLine | undefined; final: boolean } => {
    // Which of the line's ب/ل words keep their letter in the tagger's names depends on the document's other words.
    const letters = () => line.context.words.filter((w) => w.letterMayBeName).map((w) => (bareInDocument.has(w.entityForm) ? '0' : '1')).join('');
    const key = model && documentContext ? `${line.context.text}\u0001${contextKeyOf(line.sentences, model, documentContext)}\u0003${letters()}` : line.context.text;
    let resolved = resolvedCache.get(key);
    if (!resolved) {
      const last = lastResolved.get(line.context.text);
      if ((last && !contextComplete) || !inTime()) return { resolved: last, final: false };
      const fromModel = model && documentContext ? leaveGroupsToRules(modelProposals(line.context, line.sentences, model, documentContext, bareInDocument, schema, res), line.ruleProposals, line.context, res) : [];
      const proposals = model ? [...weighAgainstModel(line.ruleProposals, fromModel), ...fromModel] : line.ruleProposals;
      const kept = resolveOverlaps(proposals);
      resolved = { proposals, resolved: kept, seeds: seedsOfSuggestions(line.context, kept, res) };
      resolvedCache.set(key, resolved);
    }
    lastResolved.set(line.context.text, resolved);
    return { resolved, final: true };
  };

  const suggestWith = (request: SuggestRequest, budgetMs: number, model: TaggerModel | undefined): SuggestProgress => {
    const allowed = new Set(request.schema.entities.map((e) => e.name));
    const started = performance.now();
    const deadline = started + budgetMs;
    const types = [...allowed].sort().join(' ');
    if (types !== rulesCachedFor) {
      ruleCache = new LruCache(cacheSize);
      rulesCachedFor = types;
    }
    const cacheFor = `${types}|${model ? options.tagger!.generation : 'rules'}`;
    if (cacheFor !== cachedFor) {
      cache = new LruCache(cacheSize);
      resolvedCache = new LruCache(cacheSize);
      lastResolved = new LruCache(cacheSize);
      cachedFor = cacheFor;
    }
    const split = [...splitLines(request.text)];
    ruleCache.reserve(split.length);
    cache.reserve(split.length);
    resolvedCache.reserve(split.length);
    lastResolved.reserve(split.length);
    // Half the time for analysing new lines, the rest for resolving them.
    const analyseInTime = until(started + budgetMs / 2);
    const lines: RequestLine[] = split.map(({ start, text }) => ({ start, analyzed: analyze(text, allowed, model, analyseInTime) }));
    const contextComplete = lines.every((l) => l.analyzed);
    const document = request.document ?? anonymous;
    const documentContext = model?.documentContext(
      lines.flatMap((l) => l.analyzed?.sentences ?? []),
      documentContexts.get(document),
    );
    if (documentContext) documentContexts.set(document, documentContext);
    let doneLines = 0;
    let complete = contextComplete;
    const resolveInTime = until(deadline);
    const bareInDocument = model ? bareFormsOf(lines) : new Set<string>();
    const resolvedLines = lines.map((l) => {
      if (!l.analyzed) return undefined;
      const { resolved, final } = resolveLine(l.analyzed, model, documentContext, bareInDocument, request.schema, resolveInTime, contextComplete);
      if (resolved) doneLines++;
      if (!final) complete = false;
      return resolved;
    });
    attachDecisions(lines, request);

    // The line's own suggestions after the decisions, and every seed of the document.
    const seeds = new SeedIndex();
    const local = lines.map((line, i): readonly Proposal[] => {
      const done = resolvedLines[i];
      if (!line.analyzed || !done) return [];
      const { context } = line.analyzed;
      const { proposals, resolved } = done;
      if (!line.accepted && !line.rejected) {
        for (const s of done.seeds) seeds.add(s);
        return resolved;
      }
      const kept = resolveOverlaps(excludeDecided(proposals, line.accepted ?? [], line.rejected ?? new Set()));
      for (const s of seedsOfSuggestions(context, kept, res)) seeds.add(s);
      for (const a of line.accepted ?? []) {
        if (!allowed.has(a.type)) continue;
        const found = seedsOfSpan(context, a, CONFIDENCE.consistencyAccepted, true, res);
        if (found) seeds.add(found.seed);
        if (found?.surname) seeds.add(found.surname);
      }
      return kept;
    });

    // The seeds' mentions in a line depend on its text and the seeds alone: kept per line text
    // while the seeds stay the same (an edit seldom changes them).
    const signature = seeds.signature();
    if (signature !== mentionsFor) {
      mentionCache = new LruCache(cacheSize);
      mentionsFor = signature;
    }
    mentionCache.reserve(split.length);
    const mentionsIn = (context: LineContext): readonly Proposal[] => {
      let found = mentionCache.get(context.text);
      if (!found) mentionCache.set(context.text, (found = seeds.mentions(context)));
      return found;
    };
    const out: Suggestion[] = [];
    lines.forEach((line, i) => {
      if (!line.analyzed || !resolvedLines[i]) return;
      let suggestions = seeds.size > 0 ? splitAtPersonSeeds(line.analyzed.context, local[i], seeds) : local[i];
      let added = seeds.size > 0 ? mentionsIn(line.analyzed.context) : [];
      if (added.length) {
        const present = new Set(suggestions.map(spanKey));
        added = added.filter((m) => !present.has(spanKey(m)));
        if (line.accepted || line.rejected) added = excludeDecided(added, line.accepted ?? [], line.rejected ?? new Set());
        if (added.length) suggestions = resolveOverlaps([...suggestions, ...added]);
      }
      for (const s of suggestions) {
        const factor = options.reliability?.factor(s.source, s.type) ?? 1;
        const start = s.start + line.start;
        const end = s.end + line.start;
        out.push(factor < 1 ? { ...s, start, end, confidence: s.confidence * factor, baseConfidence: s.confidence } : { ...s, start, end });
      }
    });
    return { suggestions: out, doneLines, totalLines: lines.length, complete };
  };

  // A model that fails (a bug, a model file whose rules' data lacks a file) leaves the rules'
  // suggestions. The document's context it may have left half updated is dropped.
  const suggestWithin = (request: SuggestRequest, budgetMs: number): SuggestProgress => {
    const model = options.tagger?.model();
    if (!model) return suggestWith(request, budgetMs, undefined);
    try {
      return suggestWith(request, budgetMs, model);
    } catch (e) {
      documentContexts.delete(request.document ?? anonymous);
      return { ...suggestWith(request, budgetMs, undefined), modelFailure: e as Error };
    }
  };

  return {
    suggest: (request) => suggestWithin(request, Infinity).suggestions,
    suggestWithin,
  };
}

/**
 * The forms the document writes bare (no proclitic), when a word of it may be ب or ل + a name
 * (Word.letterMayBeName): written bare elsewhere, that name takes no letter (بكرمانشاهي beside
 * كرمانشاهي); never written bare, the letter is the name's own (بلينكن).
 */
function bareFormsOf(lines: readonly RequestLine[]): ReadonlySet<string> {
  const bare = new Set<string>();
  if (!lines.some((l) => l.analyzed?.context.words.some((w) => w.letterMayBeName))) return bare;
  for (const l of lines) for (const w of l.analyzed?.context.words ?? []) if (w.entityStart === w.start) bare.add(w.form);
  return bare;
}
