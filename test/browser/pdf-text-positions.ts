import { inflateSync } from 'node:zlib';

/** Where text is drawn on one PDF page, in points from the page's top-left corner. */
export interface PdfPage {
  width: number;
  height: number;
  /** Start point of every text-showing operator (Tj, TJ, ', "). */
  texts: { x: number; y: number }[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n in PDF's row-vector convention (apply m first, then n). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/**
 * Text positions per page of a PDF as Chromium writes it (uncompressed object table,
 * Flate content streams): a small content-stream interpreter that tracks the graphics
 * state (q/Q/cm) and the text matrix (BT/Tm/Td/TD/T*), enough to check page margins and
 * how full each page is without a PDF library. Form XObjects are not followed.
 */
export function pdfTextPositions(pdf: Buffer): PdfPage[] {
  const text = pdf.toString('latin1');
  const objects = new Map<number, { start: number; end: number }>();
  for (const m of text.matchAll(/(\d+) 0 obj\b/g)) {
    const start = m.index + m[0].length;
    objects.set(Number(m[1]), { start, end: text.indexOf('endobj', start) });
  }
  const body = (id: number): string => {
    const o = objects.get(id);
    return o ? text.slice(o.start, o.end) : '';
  };
  const stream = (id: number): string => {
    const o = objects.get(id);
    if (!o) return '';
    const head = text.slice(o.start, o.end);
    const at = /stream\r?\n/.exec(head);
    if (!at) return '';
    const from = o.start + at.index + at[0].length;
    const to = text.lastIndexOf('endstream', o.end);
    const bytes = pdf.subarray(from, to);
    return /\/FlateDecode/.test(head.slice(0, at.index))
      ? inflateSync(bytes).toString('latin1')
      : bytes.toString('latin1');
  };
  // Pages in document order: the leaves of the page tree, from the catalog's /Pages.
  const pages: number[] = [];
  const walk = (id: number): void => {
    const b = body(id);
    if (/\/Type\s*\/Page\b/.test(b)) pages.push(id);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(b);
    if (kids) for (const k of kids[1].matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
  };
  const root = /\/Root (\d+) 0 R/.exec(text);
  const catalog = root ? body(Number(root[1])) : '';
  const pagesRef = /\/Pages (\d+) 0 R/.exec(catalog);
  if (pagesRef) walk(Number(pagesRef[1]));
  return pages.map((id) => {
    const b = body(id);
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(b);
    const width = box ? Number(box[3]) : 0;
    const height = box ? Number(box[4]) : 0;
    const contents = /\/Contents\s*(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(b);
    const ids = contents
      ? [...(contents[1] ?? `${contents[2]} 0 R`).matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]))
      : [];
    const texts: PdfPage['texts'] = [];
    let ctm: Matrix = IDENTITY;
    const saved: Matrix[] = [];
    let tm: Matrix = IDENTITY;
    let tlm: Matrix = IDENTITY;
    let leading = 0;
    const operands: number[] = [];
    const tokens = ids
      .map(stream)
      .join('\n')
      .matchAll(/<[^>]*>|\((?:\\.|[^\\)])*\)|\/[^\s/[\]()<>]+|-?\d*\.?\d+|[A-Za-z'"*]+|\[|\]/g);
    const show = (): void => {
      const [x, y] = [
        tm[4] * ctm[0] + tm[5] * ctm[2] + ctm[4],
        tm[4] * ctm[1] + tm[5] * ctm[3] + ctm[5],
      ];
      texts.push({ x, y: height - y });
    };
    for (const [token] of tokens) {
      if (/^-?\d*\.?\d+$/.test(token)) {
        operands.push(Number(token));
        continue;
      }
      if (/^[A-Za-z'"*]+$/.test(token)) {
        const n = operands.splice(0);
        const six = n.slice(-6) as Matrix;
        if (token === 'q') saved.push(ctm);
        else if (token === 'Q') ctm = saved.pop() ?? IDENTITY;
        else if (token === 'cm' && n.length >= 6) ctm = multiply(six, ctm);
        else if (token === 'BT') tm = tlm = IDENTITY;
        else if (token === 'Tm' && n.length >= 6) tm = tlm = six;
        else if (token === 'TL') leading = n[0] ?? 0;
        else if (token === 'Td' || token === 'TD') {
          if (token === 'TD') leading = -(n[1] ?? 0);
          tm = tlm = multiply([1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0], tlm);
        } else if (token === 'T*') tm = tlm = multiply([1, 0, 0, 1, 0, -leading], tlm);
        else if (token === 'Tj' || token === 'TJ') show();
        else if (token === "'" || token === '"') {
          tm = tlm = multiply([1, 0, 0, 1, 0, -leading], tlm);
          show();
        }
      }
    }
    return { width, height, texts };
  });
}
