import { strToU8, zipSync } from 'fflate';
import { DocumentReadError, openDocument, readDocxGrids } from '../../../src/hosts/docx';
import { docx, formHeading, formTable, para, table } from '../../fixtures/build-docx';
import { enterprise } from '../../fixtures/build-tally-workbooks';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DocumentReadError ? e.code : String(e);
  }
  return 'no error';
};

describe('Word tables read as grids', () => {
  test('the Annex 2 form: its lines above, 基本信息 merged down, values merged across', () => {
    const e = enterprise({ name: '于都县恒通物流有限公司', intro: '从事物流运输\n诚信经营' });
    const [grid] = readDocxGrids(
      docx(formHeading('推荐单位（盖章）：于都县司法局') + formTable(e)),
      'a.docx',
    );
    expect(grid!.name).toBe('表格1');
    expect(grid!.values.slice(0, 4)).toEqual([
      ['附件2'],
      ['行政检查监测点企业申报表'],
      ['推荐单位（盖章）：于都县司法局'],
      ['申报企业（盖章）：'],
    ]);
    expect(grid!.values[4]).toEqual(['基本信息', '企业名称', '于都县恒通物流有限公司']);
    expect(grid!.values[5]).toEqual([undefined, '法定代表人', e.legalRep, '联系电话', e.phone]);
    expect(grid!.values[10]).toEqual(['企业简介\n（可附页）', undefined, '从事物流运输\n诚信经营']);
    expect(grid!.merges).toEqual(
      expect.arrayContaining([
        { top: 5, left: 1, bottom: 10, right: 1 },
        { top: 5, left: 3, bottom: 5, right: 5 },
        { top: 11, left: 1, bottom: 11, right: 2 },
      ]),
    );
  });

  test('several tables: each its own grid, with the lines before it and the document’s opening lines', () => {
    const a = enterprise();
    const b = enterprise();
    const grids = readDocxGrids(
      docx(
        formHeading('推荐单位：于都县林业局') +
          formTable(a) +
          para('') +
          para('行政检查监测点企业申报表') +
          formTable(b),
      ),
      'b.docx',
    );
    expect(grids.map((g) => g.name)).toEqual(['表格1', '表格2']);
    // Table 2: the opening lines that name the unit, then its own title.
    expect(grids[1]!.values.slice(0, 3)).toEqual([
      ['附件2'],
      ['推荐单位：于都县林业局'],
      ['行政检查监测点企业申报表'],
    ]);
    expect(grids[1]!.values[3]?.[2]).toBe(b.name);
  });

  test('what Word stores beside the text is left out: deletions, moved-away text, text boxes, drawing fallbacks', () => {
    const body =
      '<w:tbl><w:tr>' +
      '<w:tc><w:p><w:r><w:t>企业名称</w:t></w:r></w:p></w:tc>' +
      '<w:tc><w:p><w:r><w:t xml:space="preserve">于都县</w:t></w:r><w:del><w:r><w:delText>旧名</w:delText></w:r></w:del>' +
      '<w:moveFrom><w:r><w:t>挪走</w:t></w:r></w:moveFrom><w:r><w:t>鑫源&amp;食品</w:t></w:r>' +
      '<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>浮动文字</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>' +
      '<mc:Fallback><w:pict><w:t>备用</w:t></w:pict></mc:Fallback></mc:AlternateContent></w:r>' +
      '<w:r><w:tab/><w:t>有限公司</w:t></w:r></w:p></w:tc>' +
      '</w:tr></w:tbl>';
    const [grid] = readDocxGrids(docx(body), 'c.docx');
    expect(grid!.values).toEqual([['企业名称', '于都县鑫源&食品\t有限公司']]);
  });

  test('a row that starts later (w:gridBefore), a merge down ended by a new cell, a nested table flattened', () => {
    const body = table([
      [{ text: '单位', vMerge: 'restart' }, '甲', '乙'],
      [{ text: '', vMerge: 'continue' }, '丙', '丁'],
      ['新', '戊', '己'],
    ]).replace(
      '<w:tr><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr><w:p><w:r><w:t xml:space="preserve">新',
      '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr><w:p><w:r><w:t xml:space="preserve">新',
    );
    const [grid] = readDocxGrids(docx(body), 'd.docx');
    expect(grid!.values).toEqual([
      ['单位', '甲', '乙'],
      [undefined, '丙', '丁'],
      [undefined, '新', '戊', '己'],
    ]);
    expect(grid!.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
    const nested = `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p>${table([['内1', '内2']])}</w:tc></w:tr></w:tbl>`;
    expect(readDocxGrids(docx(nested), 'e.docx')[0]!.values).toEqual([['外\n内1\n内2']]);
  });

  test('a document without tables gives its lines; what is not a .docx is said so', () => {
    expect(
      readDocxGrids(docx(para('关于报送监测点企业的说明') + para('我局无符合条件的企业。')), 'f.docx'),
    ).toEqual([
      { name: '正文', values: [['关于报送监测点企业的说明'], ['我局无符合条件的企业。']], merges: [] },
    ]);
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(codeOf(() => openDocument(ole, '申报表.doc'))).toBe('docx/legacy-doc');
    expect(codeOf(() => openDocument(strToU8('{\\rtf1 申报表}'), '申报表.doc'))).toBe('docx/legacy-doc');
    expect(codeOf(() => openDocument(strToU8('not a zip at all'), '申报表.docx'))).toBe('docx/corrupt');
    expect(codeOf(() => openDocument(zipSync({ 'a.txt': strToU8('x') }), '申报表.docx'))).toBe(
      'docx/not-docx',
    );
    const cut = docx(para('x')).subarray(0, 60);
    expect(codeOf(() => openDocument(cut, '申报表.docx'))).toBe('docx/corrupt');
    expect(new DocumentReadError('docx/legacy-doc', '申报表.doc').messageIn('zh-CN')).toContain(
      '另存为 .docx',
    );
  });
});
