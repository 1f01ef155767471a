/**
 * A count with its noun in the right number, never "trial(s)".
 * @example plural(1, 'trial') // '1 trial'
 * @example plural(46, 'trial') // '46 trials'
 * @example plural(2, 'study', 'studies') // '2 studies'
 */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}
