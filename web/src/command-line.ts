/**
 * The shell command a user would type: `trialstat means --n1 22 --mean1=-4.1 …`. Words
 * with spaces or shell characters are single-quoted; a value starting with `-` is joined
 * with `=` (as the CLI's help recommends for negative numbers).
 * @example commandLine(['means', '--mean1', '-4.1']) // 'trialstat means --mean1=-4.1'
 */
export function commandLine(argv: readonly string[], stdinNote?: string): string {
  const quote = (word: string): string =>
    /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    const next = argv[i + 1];
    if (word.startsWith('--') && next?.startsWith('-') && next !== '-') {
      words.push(`${word}=${quote(next)}`);
      i++;
    } else words.push(quote(word));
  }
  const line = `trialstat ${words.join(' ')}`;
  return stdinNote ? `${line} < ${stdinNote}` : line;
}
