import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reviewChosenFiles } from '../../src/app/reports';
import { readChosenFiles } from '../../src/app/page-files';
import { pageFiles } from '../../src/entries/standalone';
import { REVIEW_CASE } from '../fixtures/build-review-inbox';
import { EXAMPLES } from '../taskpane/helpers/examples';

const INBOX = join(EXAMPLES, 'review');

/** Every file under a folder, as a browser folder choice gives them: `review/住建局/清单.xlsx`. */
function chosenFolder(
  dir: string,
): Array<{ name: string; path: string; arrayBuffer(): Promise<ArrayBuffer> }> {
  const out: Array<{ name: string; path: string; arrayBuffer(): Promise<ArrayBuffer> }> = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const bytes = readFileSync(full);
        out.push({
          name,
          path: `review/${relative(dir, full).split('\\').join('/')}`,
          arrayBuffer: async () =>
            bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
        });
      }
    }
  };
  walk(dir);
  return out;
}

describe('汇总审核 in the pane: files chosen in the page, reviewed as drc review does', () => {
  test('a chosen folder: the same units, deliverables and files of no known unit as the command line', async () => {
    const chosen = chosenFolder(INBOX);
    const read = await readChosenFiles(pageFiles, chosen, 'zh-CN');
    const desk = reviewChosenFiles(
      read.map((f, i) => ({ ...f, path: chosen[i]!.path })),
      { locale: 'zh-CN' },
    );
    const r = desk.result;
    expect(r.summary).toMatchObject({
      units: 23,
      complete: 16,
      withIssues: 3,
      missing: 4,
      files: chosen.length,
    });
    // The folder's own name is left out: 农业农村局/新建 Microsoft Excel 工作表.xlsx still goes by its folder.
    expect(r.files.find((f) => f.file === '农业农村局/新建 Microsoft Excel 工作表.xlsx')?.units).toEqual([
      '农业农村局',
    ]);
    // The Word form is read in the page too.
    expect(r.files.find((f) => f.file === REVIEW_CASE.docx)).toMatchObject({
      kind: 'declaration',
      units: ['林业局'],
    });
    expect(r.unassigned.map((x) => x.file.file)).toEqual(['收文登记.csv', REVIEW_CASE.unknownUnitFile]);
    expect(desk.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        '报送情况',
        '清单汇总',
        '全县检查事项清单',
        '退回意见',
        '监测点汇总',
        '申报明细',
      ]),
    );
  });

  test('files chosen one by one: no folder, units from the files themselves', async () => {
    const chosen = chosenFolder(INBOX).map((f) => ({ ...f, path: f.name }));
    const read = await readChosenFiles(pageFiles, chosen, 'zh-CN');
    const desk = reviewChosenFiles(read.map((f, i) => ({ ...f, path: chosen[i]!.path })));
    const water = desk.result.units.find((u) => u.unit === '水利局')!;
    expect(water.deliverables).toEqual({ checklist: 'ok', adjustment: 'issues', declaration: 'ok' });
    // Without its folder, the untitled list of 农业农村局 goes by its 检查主体; the statement by its sentence.
    const file = (name: string) => desk.result.files.find((f) => f.file === name);
    expect([
      file('新建 Microsoft Excel 工作表.xlsx')?.units,
      file('新建 Microsoft Excel 工作表.xlsx')?.unitSource,
    ]).toEqual([['农业农村局'], 'agency']);
    expect(file('关于检查事项无动态调整的说明.xlsx')?.units).toEqual(['统战部']);
    // Printed forms name no unit: without their folder they are listed, with the reason.
    expect(desk.result.unassigned.map((x) => x.file.file)).toContain('监测点企业申报表(4家).xlsx');
  });
});
