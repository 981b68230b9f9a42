// The TextMate grammar of .ann files: which rule takes each kind of line. The rule regexes are
// run with JavaScript's engine, which reads these patterns as Oniguruma does.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Rule {
  match?: string;
  begin?: string;
}
const grammar = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../syntaxes/brat-ann.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  patterns: { include: string }[];
  repository: Record<string, Rule>;
};

/** The first top-level rule that matches the line, with its captures. */
function ruleFor(line: string): [string, RegExpExecArray] {
  for (const { include } of grammar.patterns) {
    const name = include.slice(1);
    const rule = grammar.repository[name];
    const m = new RegExp(rule.match ?? rule.begin!).exec(line);
    if (m && m.index === 0) return [name, m];
  }
  throw new Error(`no rule for ${line}`);
}

describe('brat .ann grammar', () => {
  it('is source.brat-ann', () => {
    assert.equal(grammar.scopeName, 'source.brat-ann');
  });

  const lines: [string, string][] = [
    ['T1\tPER 4 8\tأحمد', 'textbound'],
    ['T12\tLOC 0 5;8 12\tوزارة الداخلية', 'textbound'],
    ['T3\tPER 4 8', 'textbound'],
    ['E1\tBe-Born:T1 Person:T2 Place:T3', 'event'],
    ['R1\tLocated Arg1:T2 Arg2:T3', 'relation'],
    ['A1\tNegation E1', 'attribute'],
    ['A2\tConfidence E1 High', 'attribute'],
    ['N1\tReference T3 Wikipedia:85\tالقاهرة', 'normalization'],
    ['#1\tAnnotatorNotes T3\tproclitic ب excluded', 'note'],
    ['*\tEquiv T2 T3', 'equiv'],
    ['T4 PER 0 5 no tab', 'invalid'],
    ['T5\tPER 5\tone offset', 'invalid'],
    ['garbage', 'invalid'],
  ];
  for (const [line, rule] of lines) {
    it(`reads ${JSON.stringify(line)} as ${rule}`, () => {
      assert.equal(ruleFor(line)[0], rule);
    });
  }

  it('splits a text-bound line into id, type, offsets and covered text', () => {
    const [, m] = ruleFor('T12\tLOC 0 5;8 12\tوزارة الداخلية');
    assert.deepEqual([m[1], m[3], m[5], m[7]], ['T12', 'LOC', '0 5;8 12', 'وزارة الداخلية']);
  });
});
