import { checkGrid } from '../../src/app/check-flow';
import { columnText, describeMapping, hintFromForm } from '../../src/app/mapping';
import { defaultPaneSettings } from '../../src/app/pane-settings';
import { exampleGrids } from '../taskpane/helpers/examples';

describe('the header correction form', () => {
  const [grid, notes] = exampleGrids();

  it('shows the detected header rows, the columns with their labels and each field with its column', () => {
    const view = describeMapping(grid!, undefined, 'zh-CN');
    expect(view.kind).toBe('checklist');
    expect(view.recognised).toBe(true);
    expect(view.headerRows).toEqual({ first: 3, last: 4 });
    expect(columnText(view.columns[8]!)).toBe('I · 抽查要求抽查比例');
    const ratio = view.fields.find((f) => f.key === 'ratio');
    expect(ratio).toEqual({ key: 'ratio', label: '检查比例', detected: 9, chosen: undefined });
  });

  it('keeps what detection finds apart from what the person chose', () => {
    const view = describeMapping(grid!, { columns: { ratio: 10 } }, 'en-US');
    const ratio = view.fields.find((f) => f.key === 'ratio');
    expect(ratio).toMatchObject({ label: 'Ratio', detected: 9, chosen: 10 });
  });

  it('lists the first kind for a sheet that is not recognised', () => {
    const view = describeMapping(notes!, undefined, 'zh-CN');
    expect(view.recognised).toBe(false);
    expect(view.kind).toBe('checklist');
    expect(view.kinds.map((k) => k.kind)).toContain('declaration');
    expect(
      describeMapping(notes!, undefined, 'zh-CN', 'declaration').fields.some((f) => f.key === 'enterprise'),
    ).toBe(true);
  });

  it('turns the form into a hint, leaving automatic fields out', () => {
    expect(hintFromForm({ chosen: {} })).toBeUndefined();
    expect(hintFromForm({ headerFirst: 4, chosen: { ratio: undefined } })).toEqual({
      headerRows: { first: 4, last: 4 },
    });
    expect(hintFromForm({ headerFirst: 4, headerLast: 3, chosen: { ratio: 9 } })).toEqual({
      headerRows: { first: 3, last: 4 },
      columns: { ratio: 9 },
    });
  });

  it('a corrected header row changes the validation', () => {
    const settings = defaultPaneSettings('zh-CN');
    // Choosing row 3 alone as the header: the sub-labels 抽查比例/抽查频次 of row 4 become data.
    const wrong = checkGrid(grid!, settings, hintFromForm({ headerFirst: 3, chosen: {} })).report;
    expect(wrong.headerRow).toBe(3);
    expect(checkGrid(grid!, settings).report.headerRow).toBe(4);
  });
});
