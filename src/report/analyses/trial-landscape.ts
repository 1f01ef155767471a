import { num, rowsOfKind, str, type AnalysisDefinition } from './analysis.js';

/** Trials from a registry table, for the landscape timeline; optional filters on phase and condition. */
export const trialLandscape: AnalysisDefinition = {
  name: 'trial-landscape',
  description: 'Registered trials with phase, enrolment and dates (no statistics).',
  kinds: ['trial-registry'],
  produces: 'timeline',
  options: {
    condition: {
      type: 'string',
      description: 'Keep trials whose condition list contains this text (case-insensitive).',
    },
    phases: { type: 'string-list', description: 'Keep these phases only.' },
  },
  run(dataset, options) {
    const condition = (options.condition as string | undefined)?.toLowerCase();
    const phases = options.phases as string[] | undefined;
    const rows = rowsOfKind(dataset, 'trial-registry').filter(
      (r) =>
        (!condition ||
          String(r.condition ?? '')
            .toLowerCase()
            .includes(condition)) &&
        (!phases || phases.includes(String(r.phase))),
    );
    const warnings =
      rows.length === 0 ? [`trial-landscape: no trials in ${dataset.name} match the filters`] : [];
    return {
      view: {
        kind: 'timeline',
        rows: rows.map((r) => {
          const row: {
            name: string;
            start?: string;
            end?: string;
            phase?: string;
            enrolment?: number;
            intervention?: string;
            status?: string;
          } = { name: String(r.name) };
          if (str(r.start)) row.start = str(r.start);
          if (str(r.end)) row.end = str(r.end);
          if (str(r.phase)) row.phase = str(r.phase);
          if (num(r.enrolment) !== undefined) row.enrolment = num(r.enrolment);
          if (str(r.intervention)) row.intervention = str(r.intervention);
          if (str(r.status)) row.status = str(r.status);
          return row;
        }),
      },
      table: {
        columns: [
          { key: 'name', label: 'Trial' },
          { key: 'registry', label: 'Registry id' },
          { key: 'intervention', label: 'Intervention' },
          { key: 'condition', label: 'Condition' },
          { key: 'phase', label: 'Phase' },
          { key: 'enrolment', label: 'Enrolment', numeric: true },
          { key: 'dates', label: 'Start – end' },
          { key: 'status', label: 'Status' },
        ],
        rows: rows.map((r) => ({
          name: String(r.name ?? ''),
          registry: String(r.registry_id ?? ''),
          intervention: String(r.intervention ?? ''),
          condition: String(r.condition ?? ''),
          phase: String(r.phase ?? ''),
          enrolment: num(r.enrolment) !== undefined ? String(r.enrolment) : '',
          dates: `${String(r.start ?? '?')} – ${String(r.end ?? '?')}`,
          status: String(r.status ?? ''),
        })),
      },
      methods: [
        'Trial dates and enrolment as registered (planned enrolment unless noted); no statistics.',
      ],
      notes: [],
      warnings,
    };
  },
};
