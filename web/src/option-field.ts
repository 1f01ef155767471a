import type { Option } from 'commander';

/** One CLI option as a form field: everything read from the CLI's own definition. */
export interface OptionField {
  /** Long name without dashes: `n1`, `rr-ci`. */
  name: string;
  /** `--n1 <N>` as `--help` prints it. */
  flags: string;
  description: string;
  kind: 'flag' | 'choice' | 'value';
  /** The CLI's default, as text ('' when none). */
  defaultText: string;
  /** For `choice`: the accepted words, in the CLI's (registry) order. */
  choices: readonly string[];
  /** A required option (commander's requiredOption). */
  mandatory: boolean;
}

/**
 * The words an option accepts. Options built with commander's `.choices()` list them; the
 * CLI's own `choice([...])` parser (src/cli/options.ts) names them when it refuses a word,
 * so they are read from its message: the list stays the registry's, never copied here.
 */
function choicesOf(option: Option): readonly string[] {
  if (option.argChoices) return option.argChoices;
  if (!option.parseArg) return [];
  try {
    option.parseArg('\u0001', undefined);
  } catch (error) {
    const match = /expected one of (.+), found "\u0001"$/.exec((error as Error).message);
    if (match) return match[1].split(', ');
  }
  return [];
}

/** The field for a commander option. */
export function optionField(option: Option): OptionField {
  const takesValue = option.required || option.optional;
  const choices = takesValue ? choicesOf(option) : [];
  const value = option.defaultValue;
  return {
    name: option.long?.replace(/^--/, '') ?? option.name(),
    flags: option.flags,
    description: option.description,
    kind: !takesValue ? 'flag' : choices.length > 0 ? 'choice' : 'value',
    defaultText:
      value === undefined || typeof value === 'boolean' || Array.isArray(value)
        ? ''
        : String(value),
    choices,
    mandatory: option.mandatory,
  };
}

/** Options a form shows: everything but output switches, help and hidden (deprecated) aliases. */
export function formOptions(options: readonly Option[]): OptionField[] {
  const hidden = new Set(['json', 'explain', 'help', 'version']);
  return options
    .filter((option) => !option.hidden)
    .map(optionField)
    .filter((field) => !hidden.has(field.name));
}
