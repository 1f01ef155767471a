import { readFileSync } from 'node:fs';

/**
 * The example command lines the documentation prints: README.md's shell code blocks and the
 * "Examples:" section of every command's `--help`. Each is parsed into what a shell would run
 * (argv, a piped stdin, an output redirect) and the exit code it documents: 0, or N when its
 * trailing comment starts with "exit N" (`# exit 1: impossible`).
 */
export interface DocumentedExample {
  /** Where it is printed: `README.md` or `trialstat meta --help`. */
  from: string;
  /** The line as printed (continuations joined). */
  line: string;
  /** argv after `trialstat`. */
  argv: string[];
  /** A file piped in (`cat FILE | trialstat …`) or literal text (`printf '…' | trialstat …`). */
  stdin?: { file: string } | { text: string };
  /** `> FILE`: stdout goes there. */
  redirect?: string;
  exitCode: number;
}

/** Shell words of `text`: single and double quotes, backslash escapes in double quotes and bare. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && '"\\$`'.includes(text[i + 1] ?? '')) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote) throw new Error(`unterminated quote in: ${text}`);
  if (word !== null) words.push(word);
  return words;
}

/** printf's escapes that examples use (`\n`, `\t`). */
const printfText = (format: string): string => format.replace(/\\n/g, '\n').replace(/\\t/g, '\t');

/** One printed line (without the prompt) as a DocumentedExample, or null if it runs no trialstat. */
export function parseExample(from: string, printed: string): DocumentedExample | null {
  const hash = printed.search(/\s#\s/);
  const command = (hash === -1 ? printed : printed.slice(0, hash)).trim();
  const comment = hash === -1 ? '' : printed.slice(hash);
  // `# exit 1: impossible` (the comment starts with it); `# …; exit 1 on a discrepancy` is prose.
  const exit = /^\s#\s*exits? (\d+)\b/.exec(comment);
  const stages = command.split(/\s\|\s/);
  const last = shellWords(stages[stages.length - 1]);
  if (last[0] === 'npx') last.shift();
  if (last[0] !== 'trialstat') return null;
  const example: DocumentedExample = {
    from,
    line: printed.trim(),
    argv: last.slice(1),
    exitCode: exit ? Number(exit[1]) : 0,
  };
  const redirect = example.argv.indexOf('>');
  if (redirect !== -1) {
    example.redirect = example.argv[redirect + 1];
    example.argv.splice(redirect, 2);
  }
  if (stages.length === 2) {
    const [program, ...args] = shellWords(stages[0]);
    if (program === 'cat' && args.length === 1) example.stdin = { file: args[0] };
    else if (program === 'printf' && args.length === 1)
      example.stdin = { text: printfText(args[0]) };
    else if (program === 'echo') example.stdin = { text: `${args.join(' ')}\n` };
    else throw new Error(`${from}: cannot run the pipe in: ${printed}`);
  } else if (stages.length > 2) throw new Error(`${from}: cannot run the pipe in: ${printed}`);
  return example;
}

/** Lines continued with a trailing backslash joined into one. */
const joinContinuations = (text: string): string => text.replace(/\\\n\s*/g, ' ');

/** The `$ trialstat …` lines of a `--help` text's "Examples:" section. */
export function helpExamples(from: string, help: string): DocumentedExample[] {
  const start = help.indexOf('\nExamples:\n');
  if (start === -1) return [];
  return joinContinuations(help.slice(start))
    .split('\n')
    .map((line) => /^\s*\$ (.*)$/.exec(line)?.[1])
    .filter((line): line is string => line !== undefined)
    .map((line) => parseExample(from, line))
    .filter((e): e is DocumentedExample => e !== null);
}

/** The trialstat command lines in a Markdown file's shell code blocks (sh, bash, shell, console or none). */
export function markdownExamples(path: string): DocumentedExample[] {
  const text = readFileSync(path, 'utf8');
  const out: DocumentedExample[] = [];
  for (const block of text.matchAll(/^```(sh|bash|shell|console)?\n([\s\S]*?)^```/gm)) {
    for (const raw of joinContinuations(block[2]).split('\n')) {
      const line = raw.replace(/^\$ /, '');
      if (!/^\s*(npx )?trialstat\s/.test(line) && !/\|\s*(npx )?trialstat\s/.test(line)) continue;
      const example = parseExample(path, line);
      if (example) out.push(example);
    }
  }
  return out;
}
