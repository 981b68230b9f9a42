// A quick pick of entity types in which one key (the type's shortcut, on a Latin or Arabic
// keyboard) picks at once.

import * as vscode from 'vscode';
import type { TypeView } from '../shared/protocol';

/** The letter on the same key of the standard Arabic keyboard as each Latin letter. */
const ARABIC_KEY: Record<string, string> = {
  q: 'ض', w: 'ص', e: 'ث', r: 'ق', t: 'ف', y: 'غ', u: 'ع', i: 'ه', o: 'خ', p: 'ح', a: 'ش', s: 'س',
  d: 'ي', f: 'ب', g: 'ل', h: 'ا', j: 'ت', k: 'ن', l: 'م', z: 'ئ', x: 'ء', c: 'ؤ', v: 'ر', n: 'ى', m: 'ة',
};

interface TypePick extends vscode.QuickPickItem {
  readonly type: TypeView;
}

export function typeForKey(types: readonly TypeView[], key: string): TypeView | undefined {
  const k = key.toLowerCase();
  return types.find((t) => t.shortcut && (t.shortcut === k || ARABIC_KEY[t.shortcut] === key));
}

export function pickType(types: readonly TypeView[], title: string, current?: string): Promise<TypeView | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<TypePick>();
    pick.title = title;
    pick.placeholder = 'Type a shortcut key to pick at once, or search';
    pick.items = types.map((type) => ({
      type,
      label: `${type.shortcut ? `[${type.shortcut}] ` : ''}${type.name}`,
      description: `${type.label} · ${type.arabicLabel}${type.name === current ? ' (current)' : ''}`,
    }));
    let done = false;
    const finish = (type: TypeView | undefined) => {
      if (done) return;
      done = true;
      resolve(type);
      pick.hide();
    };
    pick.onDidChangeValue((value) => {
      if (value.length !== 1) return;
      const type = typeForKey(types, value);
      if (type) finish(type);
    });
    pick.onDidAccept(() => finish(pick.selectedItems[0]?.type));
    pick.onDidHide(() => {
      finish(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
