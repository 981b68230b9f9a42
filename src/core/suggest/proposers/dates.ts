// rule:date — dates and durations:
//   [edge] [part of day] core [الماضي…]   نهاية حزيران/يونيو، مساء الثلاثاء، مايو/أيار الماضي
//   core: weekday (يوم الخميس، اليوم الثلاثاء، غدا الثلاثاء), month with optional day, X/Y pair and year
//   (15 تموز/يوليو 2020), year (عام 2008، 2011), relative phrase (الأسبوع الماضي، أمس),
//   duration (15 يوما، ثلاثة أيام، يومين، شهر ونصف).
// Only the first word may carry a proclitic (ومساء الجمعة → مساء الجمعة).

import { CONFIDENCE } from '../confidence';
import type { LineContext } from '../lineContext';
import type { LineProposer, Proposal } from '../proposal';
import type { PhraseMatch } from '../phraseIndex';
import type { DateWordKind, EngineResources } from '../resources';
import { hasProclitic, STARTS } from '../words';

/** Words after اليوم that make it "the day (that…)" rather than "today". */
const NOT_TODAY_AFTER = new Set(['الذي', 'التي', 'نفسه', 'ذاته']);
const AND_A_HALF = 'ونصف';

interface Found {
  readonly end: number;
  readonly confidence: number;
}

export function dateProposer(res: EngineResources): LineProposer {
  return {
    propose(line) {
      const out: Proposal[] = [];
      const vocabulary = dateVocabulary(line, res);
      for (let i = 0; i < line.words.length; i++) {
        if (!vocabulary.asFirst[i] && line.words[i].kind !== 'number') continue;
        const found = new DateScanner(line, i, vocabulary).scan();
        if (!found) continue;
        out.push({ start: line.words[i].entityStart, end: line.words[found.end - 1].end, type: 'DATE', confidence: found.confidence, source: 'rule:date' });
        i = found.end - 1;
      }
      return out;
    },
  };
}

type DateMatch = PhraseMatch<ReadonlySet<DateWordKind>> | undefined;

/** The date phrase at each word: read after the word's proclitics (for the first word of a date) or as is. */
interface DateVocabulary {
  readonly asFirst: readonly DateMatch[];
  readonly inside: readonly DateMatch[];
}

function dateVocabulary(line: LineContext, res: EngineResources): DateVocabulary {
  const at = (j: number, form: string) => res.dateWords.longest(form, line.forms, j);
  return {
    asFirst: line.words.map((w, j) => (w.starts & STARTS.dateAfterProclitics ? at(j, w.entityForm) : undefined)),
    inside: line.words.map((w, j) => (w.starts & STARTS.date && !hasProclitic(w) ? at(j, w.form) : undefined)),
  };
}

class DateScanner {
  constructor(
    private readonly line: LineContext,
    private readonly first: number,
    private readonly vocabulary: DateVocabulary,
  ) {}

  scan(): Found | undefined {
    let j = this.first;
    const edge = this.has(j, 'edge');
    if (edge) j += this.lengthAt(j);
    const partOfDay = this.has(j, 'part-of-day');
    if (partOfDay) j += this.lengthAt(j);
    const core = this.core(j, edge || partOfDay);
    if (!core) return undefined;
    const end = core.end + (core.modifiable && this.has(core.end, 'relative-modifier') ? 1 : 0);
    const confidence = edge || partOfDay ? Math.max(core.confidence, CONFIDENCE.date) : core.confidence;
    return { end, confidence };
  }

  private core(j: number, inContext: boolean): (Found & { modifiable: boolean }) | undefined {
    const w = this.line.words[j];
    if (!w) return undefined;
    // يوم الخميس، اليوم الثلاثاء، أمس الأحد، غدا الثلاثاء
    if ((this.has(j, 'day-word') || (this.has(j, 'relative') && this.lengthAt(j) === 1)) && this.weekday(j + 1, true)) {
      return { end: j + 2, confidence: CONFIDENCE.date, modifiable: true };
    }
    if (this.weekday(j, inContext)) return { end: j + 1, confidence: CONFIDENCE.date, modifiable: true };
    const month = this.month(j, inContext);
    if (month) return { end: month, confidence: CONFIDENCE.date, modifiable: true };
    if (this.has(j, 'year-word') && isYear(this.line, j + 1)) return { end: j + 2, confidence: CONFIDENCE.date, modifiable: false };
    if (isYear(this.line, j)) {
      return { end: j + 1, confidence: inContext ? CONFIDENCE.date : CONFIDENCE.dateBareYear, modifiable: false };
    }
    if (this.has(j, 'relative-noun')) {
      if (this.has(j + 1, 'relative-modifier')) return { end: j + 2, confidence: CONFIDENCE.date, modifiable: false };
      if (inContext) return { end: j + 1, confidence: CONFIDENCE.date, modifiable: false };
    }
    if (this.has(j, 'relative') && !(w.entityForm === 'اليوم' && NOT_TODAY_AFTER.has(this.line.words[j + 1]?.form ?? ''))) {
      return { end: j + this.lengthAt(j), confidence: CONFIDENCE.dateRelative, modifiable: false };
    }
    const duration = this.duration(j);
    return duration && { ...duration, modifiable: false };
  }

  private weekday(j: number, inContext: boolean): boolean {
    return this.has(j, 'weekday') || (inContext && this.has(j, 'weekday?'));
  }

  /** End of `[day] month[/month] [year]` at `j`, or undefined. */
  private month(j: number, inContext: boolean): number | undefined {
    const words = this.line.words;
    const day = isNumberIn(this.line, j, 1, 31) && this.isMonth(j + 1);
    const m = day ? j + 1 : j;
    if (!this.isMonth(m)) return undefined;
    let end = m + this.lengthAt(m);
    let pair = false;
    if (words[end]?.text === '/' && this.isMonth(end + 1)) {
      end = end + 1 + this.lengthAt(end + 1);
      pair = true;
    }
    const year = isYear(this.line, end);
    if (year) end++;
    const certain = this.has(m, 'month') || day || pair || year || inContext;
    return certain ? end : undefined;
  }

  private isMonth(j: number): boolean {
    return this.has(j, 'month') || this.has(j, 'month?');
  }

  private duration(j: number): Found | undefined {
    const words = this.line.words;
    const counted = words[j] && (isNumberIn(this.line, j, 1, 10000) || this.has(j, 'number-word'));
    if (counted && (this.has(j + 1, 'unit') || this.has(j + 1, 'unit-dual'))) return { end: j + 2, confidence: CONFIDENCE.dateDuration };
    if (this.has(j, 'unit-dual')) return { end: j + 1, confidence: CONFIDENCE.dateDuration };
    if (this.has(j, 'unit') && words[j + 1]?.form === AND_A_HALF) return { end: j + 2, confidence: CONFIDENCE.dateDuration };
    return undefined;
  }

  /** The date vocabulary phrase at `j` has `kind` (only the scan's first word may have proclitics). */
  private has(j: number, kind: DateWordKind): boolean {
    return this.match(j)?.value.has(kind) ?? false;
  }

  private lengthAt(j: number): number {
    return this.match(j)?.length ?? 1;
  }

  private match(j: number): DateMatch {
    return j === this.first ? this.vocabulary.asFirst[j] : this.vocabulary.inside[j];
  }
}

function isNumberIn(line: LineContext, j: number, min: number, max: number): boolean {
  const w = line.words[j];
  if (!w || w.kind !== 'number' || !/^\d+$/.test(w.form)) return false;
  const n = Number(w.form);
  return n >= min && n <= max;
}

/** A four-digit year between 1900 and 2100. */
function isYear(line: LineContext, j: number): boolean {
  return line.words[j]?.form.length === 4 && isNumberIn(line, j, 1900, 2100);
}
