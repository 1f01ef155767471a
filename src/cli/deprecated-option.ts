import { type Command, Option } from './commander.js';
import { InputError } from '../errors.js';
import type { CliContext } from './context.js';
import { writeWarnings } from './messages.js';

/** An old spelling of an option that keeps working (docs/cli.md, "Old spellings"). */
export interface DeprecatedOption {
  /** The old flags, as commander writes them: `--sided <s>` or `--one-tailed`. */
  flags: string;
  /** Allowed values of the old option (none for a flag). */
  choices?: readonly string[];
  /** The option that replaces it (its attribute name, e.g. `alternative`) and its flag. */
  replacement: { attribute: string; flag: string };
  /** The replacement value for an old value (`true` for a flag). */
  translate: (value: string | true) => string;
}

/**
 * Adds an old spelling to `command`: hidden from `--help`, translated into its replacement
 * before the action runs, with a one-line deprecation notice on stderr:
 *   `warning: --sided 1 is deprecated; write --alternative one-sided`
 * Giving both the old and the new option is a usage error (exit 2), even when they agree.
 *
 * @example deprecatedOption(cmd, context, { flags: '--one-tailed', replacement: { attribute: 'alternative', flag: '--alternative' }, translate: () => 'one-sided' })
 */
export function deprecatedOption(
  command: Command,
  context: CliContext,
  spec: DeprecatedOption,
): Command {
  const option = new Option(spec.flags).hideHelp();
  if (spec.choices) option.choices(spec.choices);
  command.addOption(option);
  const attribute = option.attributeName();
  const oldFlag = option.long as string;
  return command.hook('preAction', (_hooked, action) => {
    if (action !== command) return;
    const value = action.getOptionValue(attribute) as string | true | undefined;
    if (value === undefined) return;
    const { attribute: target, flag } = spec.replacement;
    const typed = value === true ? oldFlag : `${oldFlag} ${value}`;
    if (action.getOptionValueSource(target) === 'cli') {
      throw new InputError(oldFlag, value, `either ${oldFlag} (deprecated) or ${flag}, not both`);
    }
    const replacement = spec.translate(value);
    action.setOptionValueWithSource(target, replacement, 'cli');
    writeWarnings(context.io, [`${typed} is deprecated; write ${flag} ${replacement}`]);
  });
}
