// brat event (`E`) lines: `E1\tAttack:T5 Place:T2 Victim:T3 Victim2:T4`. brat numbers a role that
// repeats (Victim, Victim2, Victim3…); that number is not part of the role's name. A number on a
// role that did not come before in the line is (a schema may declare Party1 and Party2).

export interface BratEventArgument {
  readonly role: string;
  /** Id of the argument (a T, or another E). */
  readonly target: string;
}

export interface BratEvent {
  readonly id: string;
  readonly type: string;
  /** Id of the trigger's T line. */
  readonly trigger: string;
  readonly args: readonly BratEventArgument[];
}

const EVENT_ID = /^E\d+$/;
const ID = /^[TE]\d+$/;
const PAIR = /^([^:\s]+):([^:\s]+)$/;

/** Reads an E line; a string is the reason it cannot be read. */
export function parseEventLine(raw: string): BratEvent | string {
  const [id, body, ...rest] = raw.split('\t');
  if (!EVENT_ID.test(id ?? '')) return `"${id}" is not an event id (E followed by a number)`;
  if (body === undefined || rest.length > 0) return `${id}: expected "${id}<TAB>Type:TRIGGER Role:ID …"`;
  const pairs = body.trim().split(/\s+/).filter(Boolean);
  if (pairs.length === 0) return `${id}: no type and trigger`;
  const head = PAIR.exec(pairs[0]);
  if (!head || !ID.test(head[2])) return `${id}: "${pairs[0]}" is not Type:TRIGGER`;
  const args: BratEventArgument[] = [];
  for (const p of pairs.slice(1)) {
    const m = PAIR.exec(p);
    if (!m || !ID.test(m[2])) return `${id}: "${p}" is not Role:ID`;
    const repeated = /^(.*\D)(\d+)$/.exec(m[1]);
    const role = repeated && Number(repeated[2]) >= 2 && args.some((a) => a.role === repeated[1]) ? repeated[1] : m[1];
    args.push({ role, target: m[2] });
  }
  return { id, type: head[1], trigger: head[2], args };
}

/** Writes an E line, numbering repeated roles as brat does. */
export function formatEventLine(e: BratEvent): string {
  const seen = new Map<string, number>();
  const args = e.args.map((a) => {
    const n = (seen.get(a.role) ?? 0) + 1;
    seen.set(a.role, n);
    return `${a.role}${n > 1 ? n : ''}:${a.target}`;
  });
  return `${e.id}\t${[`${e.type}:${e.trigger}`, ...args].join(' ')}`;
}
