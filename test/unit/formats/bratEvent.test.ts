import * as assert from 'node:assert/strict';
import { formatEventLine, parseEventLine } from '../../../src/core/formats/bratEvent';

describe('brat event lines', () => {
  it('reads type, trigger and arguments, dropping brat\'s numbers of repeated roles', () => {
    assert.deepEqual(parseEventLine('E1\tKill:T5 Victim:T3 Victim2:T4 Place:T2'), {
      id: 'E1',
      type: 'Kill',
      trigger: 'T5',
      args: [{ role: 'Victim', target: 'T3' }, { role: 'Victim', target: 'T4' }, { role: 'Place', target: 'T2' }],
    });
  });

  it('writes repeated roles numbered, and reads back what it wrote', () => {
    const line = 'E2\tMeet:T1 Participant:T2 Participant2:T3 Participant3:T4 Time:T5';
    const e = parseEventLine(line);
    assert.ok(typeof e !== 'string');
    assert.equal(formatEventLine(e), line);
  });

  it('keeps a number that is part of a role\'s name (Party1, Party2: no Party before them)', () => {
    const line = 'E1\tMeet:T4 Party1:T1 Party2:T2 Place:T3';
    const e = parseEventLine(line);
    assert.ok(typeof e !== 'string');
    assert.deepEqual(e.args.map((a) => a.role), ['Party1', 'Party2', 'Place']);
    assert.equal(formatEventLine(e), line);
  });

  it('gives the reason for lines it cannot read', () => {
    assert.match(parseEventLine('E1\tAttack') as string, /not Type:TRIGGER/);
    assert.match(parseEventLine('E1\tAttack:T1 Place') as string, /not Role:ID/);
    assert.match(parseEventLine('X1\tAttack:T1') as string, /not an event id/);
    assert.match(parseEventLine('E1\tAttack:T1\textra') as string, /expected/);
  });

  it('allows an event as an argument and an event without arguments', () => {
    assert.deepEqual(parseEventLine('E3\tTrial:T9 Defendant:E1'), { id: 'E3', type: 'Trial', trigger: 'T9', args: [{ role: 'Defendant', target: 'E1' }] });
    assert.deepEqual(parseEventLine('E4\tAttack:T2'), { id: 'E4', type: 'Attack', trigger: 'T2', args: [] });
  });
});
