import fc from 'fast-check';
import { cellMeaning, type MeaningColumn } from './meaning';
import { readQuantities } from './read-quantities';
import { tokenize } from './tokenize';
import { frequencyReading, ratioReading } from './values';
import { readFrequency, readRatio } from './read-cell';

// Invented spellings of every shape the reader must understand, with the meaning a reviewer reads in them (the
// notation of test/fixtures/real-spellings/README.md). Real published spellings live in that corpus instead.
const table: Array<[string, MeaningColumn, string]> = [
  // Bound words that do not sit next to their number; traditional characters.
  ['抽查比例不低于辖区内企业总数的5%', 'ratio', '>=5%'],
  ['原则上不得低于全部监管对象的3%', 'ratio', '>=3%'],
  ['不超过名录库总数的10%', 'ratio', '<=10%'],
  ['不低於5%', 'ratio', '>=5%'],
  ['不超過10%', 'ratio', '<=10%'],
  ['抽查比例為不少於5%', 'ratio', '>=5%'],
  ['5%以上', 'ratio', '>=5%'],
  ['≥10%', 'ratio', '>=10%'],
  ['5%以内', 'ratio', '<=5%'],
  // Hedges and prefixes; 一般 is a word, not the numeral 1.
  ['一般不超过2次/年', 'frequency', '<=2/y'],
  ['一般每年一次', 'frequency', '=1/y'],
  ['执法检查每年1次', 'frequency', '=1/y'],
  ['抽查频次为每年2次', 'frequency', '=2/y'],
  ['全年抽查2次', 'frequency', '=2/y'],
  ['年均1-2次', 'frequency', '1..2/y'],
  ['约5%', 'ratio', '=5%'],
  ['5%左右', 'ratio', '=5%'],
  // Units and periods.
  ['不少于3‰', 'ratio', '>=0.3%'],
  ['千分之五', 'ratio', '=0.5%'],
  ['百分之五', 'ratio', '=5%'],
  ['百分之五至百分之十', 'ratio', '5%..10%'],
  ['8%/年', 'ratio', '=8%'],
  ['1次/季度', 'frequency', '=4/y'],
  ['每季度一次', 'frequency', '=4/y'],
  ['每年4次', 'frequency', '=4/y'],
  ['每季度', 'frequency', '=4/y'],
  ['每半年1次', 'frequency', '=2/y'],
  ['每2年不超过1次', 'frequency', '<=0.5/y'],
  ['每两年一次', 'frequency', '=0.5/y'],
  ['1次/2年', 'frequency', '=0.5/y'],
  ['三年一次', 'frequency', '=0.33/y'],
  ['3年内至少1次', 'frequency', '>=0.33/y'],
  ['每两个月一次', 'frequency', '=6/y'],
  ['许可有效期内不超过2次', 'frequency', '<=2/validity'],
  ['许可证有效期内至少检查1次', 'frequency', '>=1/validity'],
  ['每季度各抽查1次', 'frequency', '=4/y'],
  ['抽查1次', 'frequency', '=1/y'],
  ['2-3次每年', 'frequency', '2..3/y'],
  ['1至2次', 'frequency', '1..2/y'],
  ['每年1次以上', 'frequency', '>=1/y'],
  ['=1', 'frequency', '=1/y'],
  ['>=1', 'frequency', '>=1/y'],
  // Two bounds in one cell: a range.
  ['全年合计不低于5%,不高于20%', 'ratio', '5%..20%'],
  ['不高于20%且不低于5%', 'ratio', '5%..20%'],
  ['5-20%', 'ratio', '5%..20%'],
  // Levels and classes: each tier read.
  ['市级3% 县级8%', 'ratio', '[市级] =3% ; [县级] =8%'],
  ['重点企业100%,一般企业5%', 'ratio', '[重点企业] =100% ; [一般企业] =5%'],
  ['市局每年1次;县局每季度1次', 'frequency', '[市局] =1/y ; [县局] =4/y'],
  ['高风险企业每年2次,低风险企业每2年1次', 'frequency', '[高风险企业] =2/y ; [低风险企业] =0.5/y'],
  ['A类企业5%,B类企业不低于3%', 'ratio', '[A类企业] =5% ; [B类企业] >=3%'],
  ['一级企业5%,二级企业10%', 'ratio', '[一级企业] =5% ; [二级企业] =10%'],
  // Officer-to-object ratios.
  ['按1:8的比例', 'ratio', 'officer 1:8'],
  ['1∶8', 'ratio', 'officer 1:8'],
  // Numbers that are not the value.
  ['2021年以来每年1次', 'frequency', '=1/y'],
  ['2021年度抽查比例5%', 'ratio', '=5%'],
  ['每年4-10月开展1次', 'frequency', '=1/y'],
  ['6月30日前完成1次', 'frequency', '=1/y'],
  ['(3)每年1次', 'frequency', '=1/y'],
  ['1、每年1次', 'frequency', '=1/y'],
  ['第三季度抽查1次', 'frequency', '=1/y'],
  ['基数:12 比例:10%', 'ratio', '=10%'],
  ['年营业额超过500万元的企业10%', 'ratio', '=10%'],
  ['10%(20户)', 'ratio', '=10%'],
  // Counts, bare numbers, prose.
  ['60-70家', 'ratio', 'count 60..70家'],
  ['不少于1户', 'ratio', 'count >=1户'],
  ['2-5', 'ratio', '2%..5%'],
  ['0.05', 'ratio', '=5%'],
  ['100%全覆盖', 'ratio', '=100%'],
  ['全覆盖', 'ratio', '=100%'],
  ['按省级计划确定的比例', 'ratio', 'prose'],
  ['根据实际情况确定', 'ratio', 'prose'],
  ['结合年检一并开展', 'frequency', 'prose'],
  ['根据上级部署', 'frequency', 'prose'],
  ['不定期抽查', 'frequency', 'irregular'],
  ['根据监管需要确定', 'frequency', 'asNeeded'],
  // Combined cells: each part, '-' for a part the cell does not give.
  ['企业抽查比例为15%,检查1次', 'combined', 'ratio: =15% | frequency: =1/y'],
  ['企业抽查比例为15%', 'combined', 'ratio: =15% | frequency: -'],
  ['每年1次', 'combined', 'ratio: - | frequency: =1/y'],
  ['25%,不少于1次/年', 'combined', 'ratio: =25% | frequency: >=1/y'],
  ['1次/年 100%', 'combined', 'ratio: =100% | frequency: =1/y'],
  ['矿山企业抽查比例为30%,每年抽查1次', 'combined', 'ratio: =30% | frequency: =1/y'],
  ['不低于5%/每年1次', 'combined', 'ratio: >=5% | frequency: =1/y'],
  ['5%,=1', 'combined', 'ratio: =5% | frequency: =1/y'],
  ['不定期 5%', 'combined', 'ratio: =5% | frequency: irregular'],
  ['25%,不少于1次/年', 'ratio', 'ratio: =25% | frequency: >=1/y'],
  ['每年1次', 'ratio', 'ratio: - | frequency: =1/y'],
  // Garbage and shapes that fix nothing stay invalid.
  ['待定xyz', 'combined', 'invalid'],
  ['待定', 'combined', 'invalid'],
  ['abc', 'ratio', 'invalid'],
  ['5%x', 'ratio', 'invalid'],
  ['5%%', 'ratio', 'invalid'],
  ['不低于5%-10%', 'ratio', 'invalid'],
  ['5%-10%-20%', 'ratio', 'invalid'],
  ['随便查', 'frequency', 'invalid'],
  ['每0年1次', 'frequency', 'invalid'],
  ['#', 'frequency', 'invalid'],
  ['每年1次?', 'frequency', 'invalid'],
];

describe('cellMeaning', () => {
  test.each(table)('%j under %s → %s', (text, column, meaning) =>
    expect(cellMeaning(text, column)).toBe(meaning),
  );
});

describe('same meaning, different spellings', () => {
  const frequency = (t: string) => {
    const r = readFrequency(t);
    if (!r.ok) throw new Error(t);
    return r.value;
  };
  test('1次/季度 = 每季度一次 = 每年4次 = 4次/年', () => {
    const values = ['1次/季度', '每季度一次', '每年4次', '4次/年', '每季度'].map(frequency);
    for (const v of values) expect(v).toEqual({ kind: 'exact', perYearLow: 4, perYearHigh: 4 });
  });
});

describe('readings say what was read', () => {
  test.each([
    ['原则上不得低于全部监管对象的3%', '不低于3%', 'at least 3%'],
    ['市级3% 县级8%', '市级 3%;县级 8%', '市级 3%; 县级 8%'],
    ['按1:8的比例', '执法人员与检查对象 1:8', 'officers to objects 1:8'],
  ])('ratio %s', (text, zh, en) => {
    const r = readRatio(text);
    expect(r.ok && [ratioReading(r.value, 'zh-CN'), ratioReading(r.value, 'en-US')]).toEqual([zh, en]);
  });
  test.each([
    ['每2年不超过1次', '每2年不超过1次', 'at most once every 2 years'],
    ['一般不超过2次/年', '每年不超过2次', 'at most 2 a year'],
    ['许可有效期内不超过2次', '许可有效期内不超过2次', "at most 2 within the licence's validity"],
    ['年均1-2次', '每年1-2次', '1-2 a year'],
  ])('frequency %s', (text, zh, en) => {
    const r = readFrequency(text);
    expect(r.ok && [frequencyReading(r.value, 'zh-CN'), frequencyReading(r.value, 'en-US')]).toEqual([
      zh,
      en,
    ]);
  });
});

describe('the reader on any text', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({
      unit: fc.constantFrom(
        ...'0123456789.%‰-~/:=<>≥一二两三十百每年半季度月次家户不低于超过以上原则般类级第(),;、 ',
      ),
    }),
  );
  test('never throws; quantities lie inside the text, in order, without overlap', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = readQuantities(text);
        let end = 0;
        for (const q of r.quantities) {
          expect(q.start).toBeGreaterThanOrEqual(end);
          expect(q.end).toBeLessThanOrEqual(text.length);
          end = q.end;
        }
        for (const column of ['ratio', 'frequency', 'combined'] as const)
          expect(typeof cellMeaning(text, column)).toBe('string');
      }),
    );
  });
  test('tokens cover the text in order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let end = 0;
        for (const t of tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(end);
          expect(t.end).toBeGreaterThan(t.start);
          end = t.end;
        }
      }),
    );
  });
});
