import type { Calculator, Values } from './calculators.js';
import { commandLine } from './command-line.js';
import { h } from './dom.js';
import { forestPlot, funnelPlot, type MetaJson } from './meta-charts.js';
import { jsonRows } from './numbers.js';
import { formOptions, type OptionField } from './option-field.js';
import { cliCommand, runCli, type CliRun } from './run-cli.js';
import { tableAsCsv } from './table-as-csv.js';

/** Debounce of recomputation while typing (ms). */
const DEBOUNCE = 250;

/** The sentinel input value meaning "the pasted table" (stdin) for `meta`. */
export const PASTED = '-';

/** The forest plot with zoom buttons (the axis narrows around the pooled estimate). */
function forestFigure(meta: MetaJson): HTMLElement {
  let zoom = 1;
  const figure = h('figure', { class: 'chart forest' });
  const caption = h('figcaption', {}, 'Forest plot: hover or focus a study for its numbers.');
  const draw = () => figure.replaceChildren(tools, forestPlot(meta, zoom), caption);
  const tool = (text: string, label: string, next: () => number) => {
    const b = h('button', { type: 'button', 'aria-label': label }, text);
    b.addEventListener('click', () => {
      zoom = next();
      draw();
    });
    return b;
  };
  const tools = h(
    'div',
    { class: 'chart-tools', role: 'group', 'aria-label': 'Forest plot zoom' },
    tool('+', 'Zoom in on the pooled estimate', () => Math.min(64, zoom * 2)),
    tool('−', 'Zoom out', () => Math.max(1, zoom / 2)),
    tool('Reset', 'Show every interval whole', () => 1),
  );
  draw();
  return figure;
}

function funnelFigure(meta: MetaJson): HTMLElement {
  return h('figure', { class: 'chart' }, funnelPlot(meta), h('figcaption', {}, 'Funnel plot'));
}

/** Messages of a failed run, without the CLI's prefixes and its help hint. */
function messages(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('(run with --help'))
    .map((line) => line.replace(/^(error|trialstat): /, ''));
}

export interface CalculatorView {
  element: HTMLElement;
  /** Current values (non-empty fields only), for the URL fragment. */
  values(): Values;
  /** Sets every field from `values` (others cleared) and recomputes. */
  restore(values: Values): void;
  /** Resolves when the pending computation has finished (tests wait on `data-state`). */
  ready(): Promise<void>;
}

/**
 * One calculator: a form built from the CLI command's options (grouped as the calculator
 * says; the rest under "More options"), and the output of running the command: the result,
 * the --explain text, warnings, the JSON numbers, the command line and the R call.
 */
export async function calculatorView(
  calc: Calculator,
  datasets: readonly string[],
  onChange: () => void,
): Promise<CalculatorView> {
  const command = await cliCommand(calc.command);
  const fields = formOptions(command.options);
  const byName = new Map(fields.map((field) => [field.name, field]));
  const hasExplain = command.options.some((option) => option.long === '--explain');
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const errors = new Map<string, HTMLElement>();
  const id = (name: string) => `${calc.id}-${name}`;

  function fieldElement(field: OptionField): HTMLElement {
    const inputId = id(field.name);
    const errorId = `${inputId}-error`;
    const help = h('span', { class: 'help', id: `${inputId}-help` }, field.description);
    let input: HTMLInputElement | HTMLSelectElement;
    if (field.kind === 'flag') {
      input = h('input', { type: 'checkbox', id: inputId, name: field.name });
    } else if (field.kind === 'choice') {
      input = h('select', { id: inputId, name: field.name });
      if (!field.defaultText) input.append(h('option', { value: '' }, '—'));
      for (const choice of field.choices)
        input.append(
          h(
            'option',
            { value: choice },
            choice === field.defaultText ? `${choice} (default)` : choice,
          ),
        );
      input.value = field.defaultText;
    } else {
      input = h('input', {
        type: 'text',
        id: inputId,
        name: field.name,
        autocomplete: 'off',
        spellcheck: 'false',
        placeholder: field.defaultText ? `default ${field.defaultText}` : undefined,
      });
    }
    input.setAttribute('aria-describedby', `${inputId}-help ${errorId}`);
    input.addEventListener('input', schedule);
    input.addEventListener('change', schedule);
    inputs.set(field.name, input);
    const error = h('span', { class: 'error', id: errorId, 'aria-live': 'polite' });
    errors.set(field.name, error);
    const label = h(
      'label',
      { for: inputId },
      h('code', {}, `--${field.name}`),
      field.mandatory ? ' (required)' : '',
    );
    return h('div', { class: `field field-${field.kind}` }, label, input, help, error);
  }

  const form = h('form', {
    class: 'calc-form',
    'aria-label': `${calc.title}: inputs`,
    novalidate: true,
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  let tableInput: HTMLTextAreaElement | undefined;
  let syncTable: () => void = () => {};
  if (calc.table) {
    const source = h('select', { id: id('input'), name: 'input' });
    source.append(h('option', { value: PASTED }, 'the pasted table'));
    for (const name of datasets) source.append(h('option', { value: name }, `dataset ${name}`));
    // A dataset replaces the pasted table: hide the table while one is chosen.
    const showTable = () => {
      tableBox.hidden = source.value !== PASTED;
    };
    source.addEventListener('change', () => {
      showTable();
      schedule();
    });
    inputs.set('input', source);
    tableInput = h('textarea', {
      id: id('table'),
      name: 'table',
      rows: '8',
      spellcheck: 'false',
      'aria-describedby': `${id('table')}-help ${id('input')}-error`,
    });
    tableInput.addEventListener('input', schedule);
    inputs.set('table', tableInput);
    const error = h('span', { class: 'error', id: `${id('input')}-error`, 'aria-live': 'polite' });
    errors.set('input', error);
    const tableBox = h(
      'div',
      { class: 'field field-table' },
      h('label', { for: id('table') }, 'Table'),
      tableInput,
      h('span', { class: 'help', id: `${id('table')}-help` }, calc.table.help),
    );
    form.append(
      h(
        'fieldset',
        {},
        h('legend', {}, 'Studies'),
        h('div', { class: 'field' }, h('label', { for: id('input') }, 'Input'), source),
        tableBox,
        error,
      ),
    );
    syncTable = showTable;
  }
  const placed = new Set<string>();
  const collapsed: HTMLDetailsElement[] = [];
  for (const group of calc.groups) {
    const set = h('fieldset', {}, h('legend', {}, group.title));
    for (const name of group.options) {
      const field = byName.get(name);
      if (!field) continue; // an option the CLI no longer has: nothing to show
      placed.add(name);
      set.append(fieldElement(field));
    }
    if (group.collapsed) {
      const box = h('details', { class: 'more' }, h('summary', {}, group.title), set);
      // A link that fills a collapsed field opens its group.
      box.addEventListener('input', () => (box.open = true));
      form.append(box);
      collapsed.push(box);
    } else form.append(set);
  }
  const rest = fields.filter((field) => !placed.has(field.name));
  if (rest.length > 0) {
    const more = h('details', { class: 'more' }, h('summary', {}, `More options (${rest.length})`));
    const set = h('fieldset', {}, h('legend', { class: 'visually-hidden' }, 'More options'));
    for (const field of rest) set.append(fieldElement(field));
    more.append(set);
    form.append(more);
  }

  const status = h('p', { class: 'status', role: 'status' });
  const general = h('div', { class: 'general-error', role: 'alert' });
  const result = h('pre', { class: 'result', 'aria-label': 'Result', tabindex: '0' });
  const explain = h('pre', {
    class: 'explain',
    'aria-label': 'How it was computed',
    tabindex: '0',
  });
  const warnings = h('ul', { class: 'warnings' });
  const charts = h('div', { class: 'charts' });
  const cliLine = h('pre', { class: 'command' });
  const rLine = h('pre', { class: 'r-call' });
  const numbers = h('table', { class: 'numbers' });
  const output = h(
    'section',
    { class: 'calc-output', 'aria-label': `${calc.title}: results`, 'aria-busy': 'false' },
    status,
    general,
    h('h3', {}, 'Result'),
    result,
    h('div', { class: 'warnings-box' }, h('h3', {}, 'Warnings'), warnings),
    charts,
    hasExplain ? h('h3', {}, 'How it was computed (--explain)') : null,
    hasExplain ? explain : null,
    h('h3', {}, 'The same in a terminal'),
    cliLine,
    h('h3', {}, 'The same in R'),
    rLine,
    h('details', { class: 'json' }, h('summary', {}, 'Every number (--json field paths)'), numbers),
  );
  const element = h(
    'article',
    { class: 'calculator', id: `calc-${calc.id}`, 'data-state': 'idle' },
    h('h2', {}, calc.title),
    h(
      'p',
      { class: 'source' },
      `Example: ${calc.exampleSource}. Edit any field; results follow as you type.`,
    ),
    h('div', { class: 'calc-body' }, form, output),
  );

  function values(): Values {
    const out: Record<string, string> = {};
    for (const [name, input] of inputs) {
      const field = byName.get(name);
      const value =
        input instanceof HTMLInputElement && input.type === 'checkbox'
          ? input.checked
            ? 'true'
            : ''
          : input.value;
      if (value === '' || (field && field.kind === 'choice' && value === field.defaultText))
        continue;
      if (name === 'input' && value === PASTED) continue;
      out[name] = value;
    }
    return out;
  }

  function argv(v: Values): string[] {
    const args = [...calc.command];
    if (calc.table) args.push(v.input ?? PASTED);
    for (const field of fields) {
      const value = v[field.name];
      if (value === undefined) continue;
      if (field.kind === 'flag') args.push(`--${field.name}`);
      else args.push(`--${field.name}`, value.trim());
    }
    return args;
  }

  let timer: number | undefined;
  let pending: Promise<void> = Promise.resolve();
  let generation = 0;
  function schedule(): void {
    element.dataset.state = 'pending';
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      timer = undefined;
      pending = compute();
      onChange();
    }, DEBOUNCE);
  }

  function showErrors(run: CliRun, stdinLabel: string | undefined): void {
    const lines = messages(run.stderr);
    const unplaced: string[] = [];
    for (const line of lines) {
      const names = [...line.matchAll(/--([a-z0-9][a-z0-9-]*)/g)].map((m) => m[1]);
      const target = names.find((name) => errors.has(name));
      if (target) {
        errors.get(target)!.textContent = line;
        const input = inputs.get(target)!;
        input.setAttribute('aria-invalid', 'true');
        // A field in a closed group is shown with its message.
        const group = input.closest('details');
        if (group) group.open = true;
      } else if (stdinLabel && line.includes('<stdin>') && errors.has('input')) {
        const box = errors.get('input')!;
        box.textContent = box.textContent ? `${box.textContent}\n${line}` : line;
        tableInput?.setAttribute('aria-invalid', 'true');
      } else unplaced.push(line);
    }
    general.textContent = unplaced.join('\n');
  }

  async function compute(): Promise<void> {
    const mine = ++generation;
    element.dataset.state = 'running';
    output.setAttribute('aria-busy', 'true');
    const v = values();
    const args = argv(v);
    const stdin =
      calc.table && (v.input ?? PASTED) === PASTED ? tableAsCsv(tableInput?.value ?? '') : '';
    const stdinLabel = calc.table && (v.input ?? PASTED) === PASTED ? 'studies.csv' : undefined;
    const plain = await runCli(args, stdin);
    const explained =
      hasExplain && plain.code !== 2 ? await runCli([...args, '--explain'], stdin) : undefined;
    const json = plain.code !== 2 ? await runCli([...args, '--json'], stdin) : undefined;
    if (mine !== generation) return; // a newer computation started
    for (const error of errors.values()) error.textContent = '';
    for (const input of inputs.values()) input.removeAttribute('aria-invalid');
    general.textContent = '';
    cliLine.textContent = commandLine(
      args.map((a) => (a === PASTED && stdinLabel ? '-' : a)),
      stdinLabel,
    );
    rLine.textContent = calc.rCall(v);
    charts.replaceChildren();
    numbers.replaceChildren();
    warnings.replaceChildren();
    if (plain.code === 2) {
      status.textContent = 'Not computed: see the messages next to the fields.';
      result.textContent = '';
      explain.textContent = '';
      showErrors(plain, stdinLabel);
    } else {
      status.textContent =
        plain.code === 1 ? 'Check failed (the CLI exits 1): the figures do not agree.' : '';
      result.textContent = plain.stdout.trimEnd();
      const extra = explained?.stdout ?? '';
      explain.textContent = (
        extra.startsWith(plain.stdout) ? extra.slice(plain.stdout.length) : extra
      ).trim();
      for (const line of messages(plain.stderr)) warnings.append(h('li', {}, line));
      if (json && json.code !== 2 && json.stdout.trim().startsWith('{')) {
        const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
        numbers.append(
          h('tr', {}, h('th', { scope: 'col' }, 'field'), h('th', { scope: 'col' }, 'value')),
        );
        for (const [path, value] of jsonRows(parsed))
          numbers.append(h('tr', { 'data-path': path }, h('td', {}, path), h('td', {}, value)));
        if (calc.id === 'meta' && Array.isArray(parsed.studies) && parsed.studies.length > 0) {
          const meta = parsed as unknown as MetaJson;
          charts.append(forestFigure(meta), funnelFigure(meta));
        }
      }
    }
    warnings.parentElement!.hidden = warnings.childElementCount === 0;
    output.setAttribute('aria-busy', 'false');
    // Typing during the run scheduled another: stay pending until that one is shown.
    if (timer === undefined) element.dataset.state = 'done';
  }

  function restore(v: Values): void {
    for (const [name, input] of inputs) {
      const field = byName.get(name);
      if (input instanceof HTMLInputElement && input.type === 'checkbox')
        input.checked = v[name] === 'true';
      else if (name === 'input') input.value = v.input ?? PASTED;
      else input.value = v[name] ?? (field?.kind === 'choice' ? field.defaultText : '');
    }
    syncTable();
    for (const box of collapsed)
      if ([...box.querySelectorAll('input, select')].some((el) => v[(el as HTMLInputElement).name]))
        box.open = true;
    window.clearTimeout(timer);
    timer = undefined;
    pending = compute();
  }

  return { element, values, restore, ready: () => pending };
}
