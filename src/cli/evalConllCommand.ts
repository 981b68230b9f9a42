// `tawsim eval-conll GOLD PRED`: entity-level precision, recall and F1 of PRED against GOLD, per
// type and micro-averaged, printed as conlleval prints them. Both files hold the same tokens, one a
// line (label in the last column), sentences separated by blank lines.

import { readTextFile } from '../core/io/readText';
import { conllLabelProblem, evaluateConll, readConll, type LabelledSentence } from '../core/tagger';
import type { CommandArgs } from './args';
import type { CliContext } from './context';
import { EXIT, UsageError } from './usage';

export async function evalConllCommand(args: CommandArgs, ctx: CliContext): Promise<number> {
  if (args.paths.length !== 2) throw new UsageError(`needs two files, GOLD and PRED (${args.paths.length} given)`, 'eval-conll');
  const [goldFile, predFile] = args.paths;
  const texts = [(await readTextFile(goldFile)).text, (await readTextFile(predFile)).text];
  for (const [i, file] of [goldFile, predFile].entries()) {
    const problem = conllLabelProblem(texts[i], false);
    if (problem) {
      ctx.err(`tawsim: ${file}: ${problem}`);
      return EXIT.badInput;
    }
  }
  const [gold, pred] = texts.map(readConll);
  const mismatch = alignmentProblem(gold, pred);
  if (mismatch) {
    ctx.err(`tawsim: ${goldFile} and ${predFile} do not hold the same tokens: ${mismatch}`);
    return EXIT.badInput;
  }
  if (gold.length === 0) {
    ctx.err(`tawsim: ${goldFile}: no tokens`);
    return EXIT.badInput;
  }
  const e = evaluateConll(gold.map((s) => s.labels), pred.map((s) => s.labels));
  let tokens = 0;
  let right = 0;
  gold.forEach((s, i) => s.labels.forEach((l, t) => {
    tokens++;
    if (l === pred[i].labels[t]) right++;
  }));
  const pct = (x: number) => `${x.toFixed(2).padStart(6)}%`;
  const lines = [
    `processed ${tokens} tokens with ${e.micro.gold} phrases; found: ${e.micro.pred} phrases; correct: ${e.micro.correct}.`,
    `accuracy: ${pct((100 * right) / tokens)}; precision: ${pct(e.micro.p)}; recall: ${pct(e.micro.r)}; FB1: ${e.micro.f1.toFixed(2).padStart(6)}`,
    ...Object.entries(e.perType).map(([type, s]) => `${type.padStart(17)}: precision: ${pct(s.p)}; recall: ${pct(s.r)}; FB1: ${s.f1.toFixed(2).padStart(6)}  ${s.pred}`),
  ];
  ctx.out(lines.join('\n') + '\n');
  return EXIT.ok;
}

/** Where two token files stop agreeing, or undefined. */
function alignmentProblem(gold: readonly LabelledSentence[], pred: readonly LabelledSentence[]): string | undefined {
  for (let i = 0; i < Math.min(gold.length, pred.length); i++) {
    const g = gold[i].tokens;
    const p = pred[i].tokens;
    if (g.length !== p.length) return `sentence ${i + 1} has ${g.length} tokens in GOLD but ${p.length} in PRED`;
    const t = g.findIndex((tok, k) => tok !== p[k]);
    if (t >= 0) return `sentence ${i + 1}, token ${t + 1} is "${g[t]}" in GOLD but "${p[t]}" in PRED`;
  }
  if (gold.length !== pred.length) return `GOLD has ${gold.length} sentences but PRED ${pred.length}`;
  return undefined;
}
