// The spelling list: the vocabulary forms that the Arabic spelling dictionary (Ayaspell) does not
// accept, most frequent first. It is kept in its own file beside the model because of its licence
// (MPL 1.1; see models/LICENSE.md); the model file names it and records its checksum.

export const SPELLING_HEADER = '# Word-cluster vocabulary forms that Ayaspell (Debian hunspell-ar) does not accept. MPL 1.1: see LICENSE.md.';

export function formatSpellingList(forms: readonly string[]): string {
  return SPELLING_HEADER + '\n' + forms.map((f) => f + '\n').join('');
}

export function parseSpellingList(text: string): string[] {
  return text.split('\n').filter((l) => l && !l.startsWith('#'));
}
