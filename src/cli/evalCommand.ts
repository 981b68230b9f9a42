// `tawsim eval GOLD PRED`: scores predicted brat annotations against gold ones — entities (strict
// and by token), event triggers and arguments — over two .ann files or two folders of them (paired
// by relative path). Each .ann needs its text: the .txt beside it (for PRED, the gold text is used
// when its .txt is missing; when present it must be the same text).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { readAnnDocument, type AnnDocument } from '../core/events/annDocument';
import { evaluateDocuments, type CategoryScores } from '../core/events/evaluate';
import { collectArticles } from '../core/export/collectArticles';
import { readTextFile } from '../core/io/readText';
import type { TypeScores } from '../core/tagger/evaluate';
import type { CommandArgs } from './args';
import type { CliContext } from './context';
import { EXIT, UsageError } from './usage';

interface Pair {
  readonly goldText: string;
  readonly goldAnn: string;
  readonly predText: string;
  readonly predAnn: string;
}

export async function evalCommand(args: CommandArgs, ctx: CliContext): Promise<number> {
  if (args.paths.length !== 2) throw new UsageError(`needs GOLD and PRED, two .ann files or two folders (${args.paths.length} given)`, 'eval');
  const [gold, pred] = args.paths;
  const kinds = [gold, pred].map((p) => {
    const stat = fs.statSync(path.resolve(ctx.cwd, p), { throwIfNoEntry: false });
    if (!stat) throw new Error(`${p}: no such file or folder`);
    return stat.isDirectory() ? 'folder' : 'file';
  });
  if (kinds[0] !== kinds[1]) throw new UsageError(`GOLD and PRED must both be files or both folders (${gold} is a ${kinds[0]}, ${pred} a ${kinds[1]})`, 'eval');
  const pairs = kinds[0] === 'folder' ? await folderPairs(gold, pred, ctx) : [filePair(gold, pred, ctx.cwd)];
  const docs: { gold: AnnDocument; pred: AnnDocument }[] = [];
  for (const pair of pairs) {
    const goldText = (await readTextFile(pair.goldText)).text;
    if (fs.existsSync(pair.predText)) {
      const predText = (await readTextFile(pair.predText)).text;
      const at = firstDifference(goldText, predText);
      if (at !== undefined) {
        ctx.err(`tawsim: ${pair.goldText} and ${pair.predText} are not the same text (they differ from character ${at}, line ${lineAt(goldText, at)}); annotations of different texts cannot be compared`);
        return EXIT.badInput;
      }
    }
    const read = async (ann: string) => {
      const doc = readAnnDocument(goldText, (await readTextFile(ann)).text);
      for (const p of doc.problems) ctx.err(`tawsim: warning: ${ann}:${p.line}: ${p.message}`);
      return doc;
    };
    docs.push({ gold: await read(pair.goldAnn), pred: await read(pair.predAnn) });
  }
  const e = evaluateDocuments(docs);
  const lines = [
    `${docs.length} document(s): ${pred} scored against ${gold}`,
    '',
    header(''),
    row('entities (strict)', e.entities.all),
    row('entities (tokens)', e.entityTokens.all),
    row('triggers', e.triggers.all),
    row('triggers (untyped)', e.untypedTriggers.all),
    row('arguments', e.arguments.all),
    ...section('entities (strict) by type', e.entities),
    ...section('entities (tokens) by type', e.entityTokens),
    ...section('triggers by event type', e.triggers),
    ...section('arguments by event type', e.arguments),
    ...section('arguments by role', e.argumentsByRole),
  ];
  ctx.out(lines.join('\n') + '\n');
  return EXIT.ok;
}

/** GOLD and PRED given as files: X.ann or X.txt (standing for X.ann). */
function filePair(gold: string, pred: string, cwd: string): Pair {
  const ann = (p: string) => path.resolve(cwd, p.endsWith('.txt') ? p.slice(0, -'.txt'.length) + '.ann' : p);
  const goldAnn = ann(gold);
  const predAnn = ann(pred);
  if (!goldAnn.endsWith('.ann')) throw new UsageError(`${gold} is neither a .ann nor a .txt file`, 'eval');
  if (!predAnn.endsWith('.ann')) throw new UsageError(`${pred} is neither a .ann nor a .txt file`, 'eval');
  const goldText = goldAnn.slice(0, -'.ann'.length) + '.txt';
  for (const f of [goldAnn, predAnn]) if (!fs.existsSync(f)) throw new Error(`${f}: no such file`);
  if (!fs.existsSync(goldText)) throw new Error(`${goldText}: no such file (the text of ${goldAnn})`);
  return { goldAnn, goldText, predAnn, predText: predAnn.slice(0, -'.ann'.length) + '.txt' };
}

/** Every .ann below GOLD (with its .txt), and the .ann at the same relative path below PRED. */
async function folderPairs(gold: string, pred: string, ctx: CliContext): Promise<Pair[]> {
  const goldRoot = path.resolve(ctx.cwd, gold);
  const predRoot = path.resolve(ctx.cwd, pred);
  const articles = (await collectArticles([goldRoot])).articles.filter((a) => fs.existsSync(a.annPath));
  if (articles.length === 0) throw new Error(`${gold}: no .ann file with its .txt beside it`);
  const pairs = articles.map((a) => {
    const predText = path.join(predRoot, ...a.relPath.split('/'));
    return { goldText: a.textPath, goldAnn: a.annPath, predText, predAnn: predText.slice(0, -'.txt'.length) + '.ann' };
  });
  const missing = pairs.filter((p) => !fs.existsSync(p.predAnn));
  if (missing.length) {
    const list = missing.slice(0, 3).map((p) => path.relative(ctx.cwd, p.predAnn)).join(', ');
    throw new Error(`${pred}: no prediction for ${missing.length} of the ${pairs.length} gold article(s): ${list}${missing.length > 3 ? ', …' : ''} missing`);
  }
  const scored = new Set(pairs.map((p) => p.predAnn));
  for (const extra of annFilesBelow(predRoot).filter((f) => !scored.has(f))) ctx.err(`tawsim: warning: ${path.relative(ctx.cwd, extra)}: not in ${gold}; left out`);
  return pairs;
}

function annFilesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ann') && !f.split(path.sep).some((part) => part.startsWith('.')))
    .map((f) => path.join(dir, f));
}

function firstDifference(a: string, b: string): number | undefined {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? undefined : n;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text[i] === '\n') line++;
  return line;
}

const pct = (x: number) => x.toFixed(2).padStart(7);

function header(title: string): string {
  return `${title.padEnd(26)} ${'gold'.padStart(6)} ${'pred'.padStart(6)} ${'correct'.padStart(7)} ${'P'.padStart(7)} ${'R'.padStart(7)} ${'F1'.padStart(7)}`;
}

function row(label: string, s: TypeScores): string {
  return `${label.padEnd(26)} ${String(s.gold).padStart(6)} ${String(s.pred).padStart(6)} ${String(s.correct).padStart(7)} ${pct(s.p)} ${pct(s.r)} ${pct(s.f1)}`;
}

function section(title: string, scores: CategoryScores): string[] {
  const types = Object.entries(scores.byType);
  if (types.length === 0) return [];
  return ['', header(title), ...types.map(([type, s]) => row(`  ${type}`, s))];
}
