// Ranges of the fake Excel: values, number formats, fills, fonts, borders, merges, RangeAreas, cell properties.
// Plain TypeScript: no Node, no jest (the pane's browser tests bundle it too).
import { cellAddress } from '../../../src/core/grid';
import type { FakeContext } from './fake-excel-api';
import {
  type AreasTarget,
  cellsOf,
  FakeClientResult,
  FakeObject,
  FakeOfficeError,
  normColour,
  notLoaded,
  type RangeTarget,
  READ_CELL_LIMIT,
  MERGED_AREAS_LIMIT,
  rectAddr,
  recorder,
} from './fake-excel-core';
import {
  type FakeCell,
  type FakeFill,
  intersect,
  parseAddress,
  type Rect,
  sheetRef,
  typedValue,
} from './fake-excel-model';

/** Fill of a range or of every area of a RangeAreas. */
export class FakeFillProxy extends FakeObject<AreasTarget> {
  constructor(context: FakeContext, bind: () => AreasTarget | null) {
    super(context, bind, 'fill');
  }

  protected scalars() {
    return { color: 1, pattern: 9, patternColor: 9, tintAndShade: 9 };
  }

  protected read(t: AreasTarget, name: string): unknown {
    const seen = new Set<string>();
    let total = 0;
    const cells = t.rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
    cellsOf(
      t,
      (cell) => {
        total++;
        seen.add(JSON.stringify(fillProp(cell.fill ?? null, name)));
      },
      false,
    );
    if (total < cells) seen.add(JSON.stringify(fillProp(null, name)));
    return seen.size === 1 ? JSON.parse([...seen][0]!) : null;
  }

  get color(): string {
    return this.prop('color');
  }

  private change(name: string, minor: number, fn: (f: FakeFill) => void): void {
    this.write(name, name, minor, (t) => {
      this.context.guardWrite(t.sheet, `RangeFill.${name}`);
      cellsOf(
        t,
        (cell) => {
          const f = cell.fill ?? { color: '#FFFFFF', pattern: 'Solid', tint: 0 };
          fn(f);
          cell.fill = f;
        },
        true,
      );
    });
  }

  set color(v: string) {
    this.change('color', 1, (f) => {
      f.color = normColour(v);
      if (f.pattern === 'None') f.pattern = 'Solid';
    });
  }

  get pattern(): string {
    return this.prop('pattern');
  }

  get patternColor(): string {
    return this.prop('patternColor');
  }

  get tintAndShade(): number {
    return this.prop('tintAndShade');
  }

  set pattern(v: string) {
    this.change('pattern', 9, (f) => (f.pattern = v));
  }

  set patternColor(v: string) {
    this.change('patternColor', 9, (f) => (f.patternColor = normColour(v)));
  }

  set tintAndShade(v: number) {
    this.change('tintAndShade', 9, (f) => (f.tint = v));
  }

  clear(): void {
    this.call('clear', [], 1, (t) => {
      this.context.guardWrite(t.sheet, 'RangeFill.clear');
      cellsOf(t, (cell) => (cell.fill = null), false);
    });
  }
}

/** What Excel reports for a fill property: no fill reads as white, pattern None, no tint. */
export function fillProp(f: FakeFill | null, name: string): unknown {
  if (!f) return { color: '#FFFFFF', pattern: 'None', patternColor: null, tintAndShade: null }[name];
  return { color: f.color, pattern: f.pattern, patternColor: f.patternColor ?? null, tintAndShade: f.tint }[
    name
  ];
}

/** Font, alignment, widths: recorded on cells (or columns and rows). */
export class FakeFormat extends FakeObject<AreasTarget> {
  private kids = new Map<string, unknown>();

  constructor(context: FakeContext, bind: () => AreasTarget | null) {
    super(context, bind, 'format');
  }

  protected scalars() {
    return { columnWidth: 2, rowHeight: 2, horizontalAlignment: 1, verticalAlignment: 1, wrapText: 1 };
  }

  protected read(t: AreasTarget, name: string): unknown {
    if (name === 'columnWidth') return t.sheet.colWidths[t.rects[0]!.left] ?? 48;
    if (name === 'rowHeight') return t.sheet.rowHeights[t.rects[0]!.top] ?? 15;
    let v: unknown = null;
    cellsOf(t, (c) => (v = c.format?.[name] ?? null), false);
    return v;
  }

  protected override child(name: string): FakeObject<unknown> | undefined {
    return name === 'fill' ? this.fill : undefined;
  }

  private kid<K>(name: string, make: () => K): K {
    if (!this.kids.has(name)) this.kids.set(name, make());
    return this.kids.get(name) as K;
  }

  get fill(): FakeFillProxy {
    return this.kid('fill', () => new FakeFillProxy(this.context, () => this.resolve()));
  }

  private cellWriter(group: 'font' | 'format') {
    return (name: string, value: unknown) =>
      this.write(name, value, 1, (t) => {
        this.context.guardWrite(t.sheet, `${group}.${name}`);
        cellsOf(t, (cell) => (cell[group] = { ...cell[group], [name]: value }), true);
      });
  }

  get font(): Record<string, unknown> {
    return this.kid('font', () => {
      const write = this.cellWriter('font');
      return new Proxy(
        {},
        {
          set: (_t, p, v) => {
            write(String(p), v);
            return true;
          },
          get: (_t, p) => {
            if (p === 'context') return this.context;
            throw notLoaded(String(p));
          },
        },
      );
    });
  }

  get borders(): { getItem: (index: string) => Record<string, unknown> } {
    return this.kid('borders', () => ({
      getItem: (index: string) =>
        new Proxy(
          {},
          {
            set: (_t, p, v) => {
              this.write(`${index}.${String(p)}`, v, 1, (t) => {
                this.context.guardWrite(t.sheet, 'borders');
                cellsOf(
                  t,
                  (cell) =>
                    (cell.borders = {
                      ...cell.borders,
                      [index]: { ...cell.borders?.[index], [String(p)]: v },
                    }),
                  true,
                );
              });
              return true;
            },
          },
        ),
    }));
  }

  get horizontalAlignment(): string {
    return this.prop('horizontalAlignment');
  }

  get verticalAlignment(): string {
    return this.prop('verticalAlignment');
  }

  get wrapText(): boolean {
    return this.prop('wrapText');
  }

  get columnWidth(): number {
    return this.prop('columnWidth');
  }

  get rowHeight(): number {
    return this.prop('rowHeight');
  }

  set horizontalAlignment(v: string) {
    this.cellWriter('format')('horizontalAlignment', v);
  }

  set verticalAlignment(v: string) {
    this.cellWriter('format')('verticalAlignment', v);
  }

  set wrapText(v: boolean) {
    this.cellWriter('format')('wrapText', v);
  }

  set columnWidth(v: number) {
    this.write('columnWidth', v, 2, (t) => {
      this.context.guardWrite(t.sheet, 'columnWidth');
      for (const r of t.rects) for (let c = r.left; c <= r.right; c++) t.sheet.colWidths[c] = v;
    });
  }

  set rowHeight(v: number) {
    this.write('rowHeight', v, 2, (t) => {
      this.context.guardWrite(t.sheet, 'rowHeight');
      for (const r of t.rects)
        for (let row = r.top; row <= Math.min(r.bottom, 1_048_576); row++) t.sheet.rowHeights[row] = v;
    });
  }
}

export class FakeRange extends FakeObject<RangeTarget> {
  private kids = new Map<string, unknown>();

  constructor(
    context: FakeContext,
    bind: () => RangeTarget | null,
    path: string,
    args: unknown[],
    minor = 1,
    queued = true,
  ) {
    super(context, bind, path, args, minor, queued);
  }

  protected scalars() {
    return {
      address: 1,
      rowIndex: 1,
      columnIndex: 1,
      rowCount: 1,
      columnCount: 1,
      values: 1,
      numberFormat: 1,
      formulas: 1,
      text: 1,
      cellCount: 1,
    };
  }

  protected read(t: RangeTarget, name: string): unknown {
    const { rect, sheet } = t;
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    switch (name) {
      case 'address':
        return `${sheetRef(sheet.name)}!${rectAddr(rect)}`;
      case 'rowIndex':
        return rect.top - 1;
      case 'columnIndex':
        return rect.left - 1;
      case 'rowCount':
        return rows;
      case 'columnCount':
        return cols;
      case 'cellCount':
        return rows * cols;
    }
    // Why null: Excel gives no values for reads past 5 million cells.
    if (rows * cols > READ_CELL_LIMIT) return null;
    const out: unknown[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row = sheet.rows[r - 1];
      const line: unknown[] = new Array(cols);
      for (let c = 0; c < cols; c++) {
        const cell = row?.[rect.left - 1 + c];
        if (name === 'values') line[c] = cell ? cell.v : '';
        else if (name === 'numberFormat') line[c] = cell?.nf ?? 'General';
        else if (name === 'formulas') line[c] = cell?.f ?? (cell ? cell.v : '');
        else line[c] = cell ? String(cell.v) : '';
      }
      out.push(line);
    }
    return out;
  }

  protected override child(name: string): FakeObject<unknown> | undefined {
    return name === 'format' ? this.format : undefined;
  }

  private kid<K>(name: string, make: () => K): K {
    if (!this.kids.has(name)) this.kids.set(name, make());
    return this.kids.get(name) as K;
  }

  private areas = (): AreasTarget | null => {
    const t = this.resolve();
    return t ? { sheet: t.sheet, rects: [t.rect] } : null;
  };

  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }

  private grid(name: string, value: unknown, fn: (cell: FakeCell, v: unknown) => void): void {
    this.write(name, value, 1, (t) => {
      this.context.guardWrite(t.sheet, `Range.${name}`);
      const rows = t.rect.bottom - t.rect.top + 1;
      const cols = t.rect.right - t.rect.left + 1;
      const arr = value as unknown[][];
      if (
        !Array.isArray(arr) ||
        arr.length !== rows ||
        arr.some((r) => !Array.isArray(r) || r.length !== cols)
      )
        throw new FakeOfficeError(
          'InvalidArgument',
          `${name}: the array does not match the range's ${rows}×${cols} size`,
          `Range.${name}`,
        );
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const v = arr[i]![j];
          // null leaves a cell as it is.
          if (v === null || v === undefined) continue;
          fn(t.sheet.ensure(t.rect.top + i, t.rect.left + j), v);
        }
    });
  }

  set values(v: unknown[][]) {
    this.grid('values', v, (cell, raw) => {
      const typed = typedValue(raw, cell.nf);
      cell.v = typed.v;
      if (typed.f) cell.f = typed.f;
      else delete cell.f;
      if (typed.nf) cell.nf = typed.nf;
    });
  }

  set formulas(v: unknown[][]) {
    this.grid('formulas', v, (cell, raw) => {
      const s = typeof raw === 'string' ? raw : '';
      if (s.startsWith('=')) {
        cell.f = s;
        cell.v = '';
      } else {
        const typed = typedValue(raw, cell.nf);
        cell.v = typed.v;
        if (typed.f) cell.f = typed.f;
      }
    });
  }

  set numberFormat(v: unknown[][]) {
    this.grid('numberFormat', v, (cell, f) => (cell.nf = String(f)));
  }

  set hyperlink(v: Record<string, unknown>) {
    this.write('hyperlink', v, 7, (t) => {
      this.context.guardWrite(t.sheet, 'Range.hyperlink');
      const cell = t.sheet.ensure(t.rect.top, t.rect.left);
      cell.link = v;
      if (typeof v.textToDisplay === 'string' && cell.v === '') cell.v = v.textToDisplay;
    });
  }

  get format(): FakeFormat {
    return this.kid('format', () => new FakeFormat(this.context, this.areas));
  }

  get conditionalFormats(): { add: (type: string) => Record<string, unknown> } {
    return this.kid('conditionalFormats', () => ({
      add: (type: string) => {
        const context = this.context;
        const guard = () => context.guardWrite(this.resolve()?.sheet, 'conditionalFormats');
        const model = { type, range: undefined as Rect | undefined, rule: {}, fill: {}, font: {} };
        context.need(6, 'conditionalFormats.add');
        context.enqueue(this.objectId, 'conditionalFormats.add', [type], () => {
          guard();
          const t = this.target('conditionalFormats.add');
          model.range = t.rect;
          t.sheet.conditionalFormats.push(model);
        });
        const format = () =>
          recorder(
            context,
            'format',
            6,
            {},
            guard,
            {},
            {
              fill: () => recorder(context, 'fill', 6, model.fill, guard),
              font: () => recorder(context, 'font', 6, model.font, guard),
            },
          );
        const custom = () =>
          recorder(
            context,
            'custom',
            6,
            {},
            guard,
            {},
            { rule: () => recorder(context, 'rule', 6, model.rule, guard), format },
          );
        return recorder(context, 'conditionalFormat', 6, model, guard, {}, { custom });
      },
    }));
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.target('getCell');
        return {
          sheet: t.sheet,
          rect: {
            top: t.rect.top + row,
            left: t.rect.left + column,
            bottom: t.rect.top + row,
            right: t.rect.left + column,
          },
        };
      },
      'getCell',
      [row, column],
    );
  }

  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const o = typeof other === 'string' ? parseAddress(other)?.rect : other.resolve()?.rect;
        const r = o ? intersect(t.rect, o) : null;
        return r ? { sheet: t.sheet, rect: r } : null;
      },
      'getIntersectionOrNullObject',
      [typeof other === 'string' ? other : other.objectId],
      4,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolve();
        const r = t ? t.sheet.used(!!valuesOnly, t.rect) : null;
        return t && r ? { sheet: t.sheet, rect: r } : null;
      },
      'getUsedRangeOrNullObject',
      [valuesOnly],
      4,
    );
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const found = t.sheet.merges.filter((m) => intersect(m, t.rect));
        if (found.length > MERGED_AREAS_LIMIT)
          throw new FakeOfficeError(
            'GeneralException',
            `More than 512 merged areas (${found.length})`,
            'Range.getMergedAreasOrNullObject',
          );
        return found.length ? { sheet: t.sheet, rects: found } : null;
      },
      'getMergedAreasOrNullObject',
      [],
      13,
    );
  }

  getCellProperties(options: {
    format?: { fill?: Record<string, boolean> };
    address?: boolean;
  }): FakeClientResult<unknown[][]> {
    const result = new FakeClientResult<unknown[][]>();
    this.context.need(9, 'getCellProperties');
    this.context.enqueue(this.objectId, 'getCellProperties', [options], () => {
      const t = this.target('getCellProperties');
      const out: unknown[][] = [];
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        const line: unknown[] = [];
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          const props: Record<string, unknown> = {};
          if (options.address) props.address = `${sheetRef(t.sheet.name)}!${cellAddress(r, c)}`;
          if (options.format?.fill) {
            const fill: Record<string, unknown> = {};
            const f = t.sheet.cell(r, c)?.fill ?? null;
            for (const k of Object.keys(options.format.fill))
              if (options.format.fill[k]) fill[k] = fillProp(f, k);
            props.format = { fill };
          }
          line.push(props);
        }
        out.push(line);
      }
      return { data: out, commit: () => result.settle(out) };
    });
    return result;
  }

  merge(across = false): void {
    this.call('merge', [across], 2, (t) => {
      this.context.guardWrite(t.sheet, 'Range.merge');
      t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, t.rect));
      t.sheet.merges.push({ ...t.rect });
    });
  }

  select(): void {
    this.call(
      'select',
      [],
      1,
      (t) => (this.context.book.selection = { sheetId: t.sheet.id, address: rectAddr(t.rect) }),
    );
  }

  clear(applyTo?: string): void {
    this.call('clear', [applyTo], 1, (t) => {
      this.context.guardWrite(t.sheet, 'Range.clear');
      t.sheet.forEachCell(t.rect, (cell) => {
        if (applyTo === 'Formats') {
          delete cell.fill;
          delete cell.font;
          delete cell.nf;
          return;
        }
        cell.v = '';
        delete cell.f;
        if (applyTo !== 'Contents') {
          delete cell.fill;
          delete cell.font;
          delete cell.nf;
        }
      });
    });
  }
}

export class FakeRangeAreas extends FakeObject<AreasTarget> {
  private fmt?: FakeFormat;

  constructor(
    context: FakeContext,
    bind: () => AreasTarget | null,
    path: string,
    args: unknown[],
    minor: number,
  ) {
    super(context, bind, path, args, minor);
  }

  protected scalars() {
    return { address: 9, areaCount: 9, cellCount: 9 };
  }

  protected read(t: AreasTarget, name: string): unknown {
    if (name === 'address') return t.rects.map((r) => `${sheetRef(t.sheet.name)}!${rectAddr(r)}`).join(', ');
    if (name === 'areaCount') return t.rects.length;
    return t.rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
  }

  get address(): string {
    return this.prop('address');
  }

  get format(): FakeFormat {
    if (!this.fmt) this.fmt = new FakeFormat(this.context, () => this.resolve());
    return this.fmt;
  }
}
