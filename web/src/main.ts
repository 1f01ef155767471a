import { ALL_CALCULATORS as CALCULATORS, type Calculator, type Values } from './calculators.js';
import { calculatorView, type CalculatorView } from './calculator-view.js';
import { commandLine } from './command-line.js';
import { h } from './dom.js';
import { runCli } from './run-cli.js';

/**
 * The offline page: calculators that run the CLI's own commands, the bundled datasets, and a
 * viewer for built reports. The state lives in the URL fragment (`#means?n1=22&mean1=-4.1…`),
 * so a link reproduces a calculation; `data-state="done"` on a calculator tells a test (or a
 * screen reader, through aria-busy) that its output is up to date.
 */

interface DatasetRow {
  name: string;
  title: string;
  kinds: string[];
}

const views = new Map<string, CalculatorView>();
const panels = new Map<string, HTMLElement>();
const tabs = new Map<string, HTMLButtonElement>();
let current = '';

function fragment(id: string, values: Values): string {
  const params = new URLSearchParams(Object.entries(values));
  const query = params.toString();
  return `#${id}${query ? `?${query}` : ''}`;
}

function parseFragment(hash: string): { id: string; values: Values | undefined } {
  const text = hash.replace(/^#/, '');
  const [id, query] = text.split(/\?(.*)/s);
  return {
    id: id || CALCULATORS[0].id,
    values: query === undefined ? undefined : Object.fromEntries(new URLSearchParams(query)),
  };
}

function show(id: string): void {
  if (!panels.has(id)) id = CALCULATORS[0].id;
  current = id;
  for (const [key, panel] of panels) panel.hidden = key !== id;
  for (const [key, tab] of tabs) tab.setAttribute('aria-current', key === id ? 'page' : 'false');
}

function writeFragment(): void {
  const view = views.get(current);
  const hash = view ? fragment(current, view.values()) : `#${current}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

function route(): void {
  const { id, values } = parseFragment(location.hash);
  show(id);
  const view = views.get(current);
  if (view && values) view.restore(values);
}

async function datasetsPanel(rows: readonly DatasetRow[]): Promise<HTMLElement> {
  const output = h('pre', { class: 'result', 'aria-live': 'polite', tabindex: '0' });
  const line = h('pre', { class: 'command' });
  const list = h('ul', { class: 'dataset-list' });
  async function runAndShow(argv: string[]): Promise<void> {
    panel.dataset.state = 'running';
    const run = await runCli(argv);
    line.textContent = commandLine(argv);
    output.textContent = `${run.stdout}${run.stderr ? `\n${run.stderr}` : ''}`.trimEnd();
    panel.dataset.state = 'done';
    // The output is below the list: bring it into view and give it focus.
    line.scrollIntoView({ block: 'start' });
    output.focus({ preventScroll: true });
  }
  for (const row of rows) {
    // A first measure for the kind of rows (the user can change it on the meta form).
    const measure = row.kinds.includes('arm-binary')
      ? 'RR'
      : row.kinds.some((kind) => kind.startsWith('single-arm'))
        ? 'PLO'
        : row.kinds.includes('arm-continuous')
          ? 'MD'
          : undefined;
    list.append(
      h(
        'li',
        {},
        h('strong', {}, row.name),
        ` — ${row.title} `,
        h('span', { class: 'kinds' }, `(${row.kinds.join(', ')})`),
        h(
          'div',
          { class: 'actions' },
          button('Show tables', `Show the tables of ${row.name}`, () =>
            runAndShow(['datasets', 'show', row.name, '--format', 'md']),
          ),
          row.kinds.some((kind) => kind === 'arm-binary' || kind === 'arm-continuous')
            ? button('Compare arms', `Every comparison of ${row.name}`, () =>
                runAndShow(['compare', row.name, '--explain']),
              )
            : null,
          measure
            ? button('Meta-analysis', `Meta-analysis of ${row.name}`, () => {
                location.hash = fragment('meta', { input: row.name, measure });
              })
            : null,
        ),
      ),
    );
  }
  const panel = h(
    'article',
    { class: 'datasets', id: 'calc-datasets', 'data-state': 'idle' },
    h('h2', {}, 'Bundled datasets'),
    h(
      'p',
      {},
      'Every number traceable to its source (trialstat datasets show). One click runs the analysis.',
    ),
    list,
    h('h3', {}, 'Command'),
    line,
    h('h3', {}, 'Output'),
    output,
  );
  return panel;
}

function reportsPanel(): HTMLElement {
  const frame = h('iframe', {
    title: 'Report',
    sandbox: '',
    class: 'report-frame',
    hidden: true,
  });
  const picker = h('input', {
    type: 'file',
    id: 'report-file',
    accept: '.html,text/html',
    multiple: true,
  });
  const list = h('ul', { class: 'report-list' });
  const open = (file: File) =>
    file.text().then((text) => {
      frame.srcdoc = text;
      frame.title = `Report ${file.name}`;
      frame.hidden = false;
    });
  picker.addEventListener('change', () => {
    list.replaceChildren();
    for (const file of picker.files ?? [])
      list.append(
        h(
          'li',
          {},
          button(file.name, `Open ${file.name}`, () => open(file)),
        ),
      );
    const first = picker.files?.[0];
    if (first) void open(first);
  });
  return h(
    'article',
    { class: 'reports', id: 'calc-reports' },
    h('h2', {}, 'Open built reports'),
    h(
      'p',
      {},
      'Build them with ',
      h('code', {}, 'npm run report'),
      ', then choose files from reports/build/. A report is shown here with its scripts disabled; it never leaves this computer.',
    ),
    h('label', { for: 'report-file' }, 'Report files (.html)'),
    picker,
    list,
    frame,
  );
}

function button(text: string, label: string, action: () => unknown): HTMLButtonElement {
  const b = h('button', { type: 'button', 'aria-label': label }, text);
  b.addEventListener('click', () => void action());
  return b;
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  const list = await runCli(['datasets', '--json']);
  const parsed = JSON.parse(list.stdout) as { datasets?: DatasetRow[] } | DatasetRow[];
  const rows = Array.isArray(parsed) ? parsed : (parsed.datasets ?? []);
  const nav = h('nav', { 'aria-label': 'Calculators' });
  const sections = new Map<string, HTMLElement>();
  const addTab = (id: string, title: string, section: string) => {
    if (!sections.has(section)) {
      const group = h('ul', {});
      sections.set(section, group);
      nav.append(h('h2', { class: 'nav-section' }, section), group);
    }
    const tab = h('button', { type: 'button', 'data-calc': id }, title);
    tab.addEventListener('click', () => {
      location.hash = views.has(id) ? fragment(id, views.get(id)!.values()) : `#${id}`;
    });
    tabs.set(id, tab);
    sections.get(section)!.append(h('li', {}, tab));
  };
  const main = h('main', { id: 'main' });
  for (const calc of CALCULATORS) {
    addTab(calc.id, calc.title, calc.section);
    const view = await calculatorView(
      calc,
      rows.map((row) => row.name),
      writeFragment,
    );
    views.set(calc.id, view);
    panels.set(calc.id, view.element);
    main.append(view.element);
  }
  addTab('datasets', 'Datasets', 'Data');
  addTab('reports', 'Reports', 'Data');
  for (const [id, panel] of [
    ['datasets', await datasetsPanel(rows)],
    ['reports', reportsPanel()],
  ] as const) {
    panels.set(id, panel);
    main.append(panel);
  }
  root.replaceChildren(nav, main);
  // The skip link moves focus without touching the fragment, which holds the state.
  document.querySelector('.skip')?.addEventListener('click', (event) => {
    event.preventDefault();
    main.tabIndex = -1;
    main.focus();
  });
  const { id, values } = parseFragment(location.hash);
  for (const calc of CALCULATORS as readonly Calculator[]) {
    const start = calc.id === id && values ? values : exampleOf(calc);
    views.get(calc.id)!.restore(start);
  }
  show(id);
  window.addEventListener('hashchange', route);
  document.body.dataset.ready = 'true';
}

function exampleOf(calc: Calculator): Values {
  return calc.table ? { ...calc.example, table: calc.table.example } : calc.example;
}

main().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root) root.textContent = `The page failed to start: ${String(error)}`;
  throw error;
});
