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
  ['对甲、乙、丙类单位分别按2%、5%和10%抽取', 'ratio', '[甲] =2% ; [乙] =5% ; [丙] =10%'],
  ['对A、B类企业的检查分别不超过1次、3次', 'frequency', '[A] <=1/y ; [B] <=3/y'],
  ['县级不低于5%，乡镇结合当地实际确定比例', 'ratio', '[县级] >=5% ; [乡镇] prose'],
  [
    '(一)重点单位,每月抽查比例不低于10%。(二)其他单位,每月抽查比例不低于5%。',
    'combined',
    'ratio: [重点单位] >=10% ; [其他单位] >=5% | frequency: =12/y',
  ],
  [
    '每季度对重点企业抽查不低于10%,每年对一般企业抽查不低于3%',
    'ratio',
    'ratio: [重点企业] >=10% ; [一般企业] >=3% | frequency: [重点企业] =4/y ; [一般企业] =1/y',
  ],
  ['每年对重点企业抽查不低于10%', 'ratio', '>=10%'],
  ['总体10%，其中重点企业不低于20%', 'ratio', '=10%'],
  [
    '每季度至少对5%的重点单位进行抽查;一般单位抽查比例:根据人员数量确定',
    'combined',
    'ratio: [重点单位] >=5% ; [一般单位] prose | frequency: =4/y',
  ],
  [
    '定期抽查每年1次,抽查比例5%;不定期抽查每年2次,抽查比例3%',
    'combined',
    'ratio: [定期抽查] =5% ; [不定期抽查] =3% | frequency: [定期抽查] =1/y ; [不定期抽查] =2/y',
  ],
  [
    '对学校100%,其他单位抽查比例2-5,抽查频次根据监管需要确定',
    'combined',
    'ratio: [学校] =100% ; [其他单位] 2%..5% | frequency: asNeeded',
  ],
  ['对同一个单位的检查,同一年度内不超过2次', 'frequency', '<=2/y'],
  ['2022年度受到1次以上处罚的单位每年检查2次', 'frequency', '=2/y'],
  // Alternatives joined by 或者 / 或 / 或是: the hull of what each allows, never tiers; a ratio per inspection
  // (各10%, 每次5%) counts as many times over as the inspections of the year.
  ['每年2次各10%', 'combined', 'ratio: =20% | frequency: =2/y'],
  ['每季度1次,每次5%', 'combined', 'ratio: =20% | frequency: =4/y'],
  ['每年1次30%,或每年3次各10%', 'frequency', 'ratio: =30% | frequency: 1..3/y'],
  ['每年抽查1次,比例15%;或是每年3次各5%', 'combined', 'ratio: =15% | frequency: 1..3/y'],
  ['每年1次,抽查25%;或者每年分批抽查25%', 'combined', 'ratio: =25% | frequency: >=1/y'],
  ['每半年1次10%;或每年1次不低于10%', 'combined', 'ratio: >=10% | frequency: 1..2/y'],
  ['分次抽查,全年累计不低于10%', 'combined', 'ratio: >=10% | frequency: >=1/y'],
  // … but levels stay tiers, a 或 inside a condition is no alternative, and garbage stays garbage.
  ['市级3%;或县级8%', 'ratio', '[市级] =3% ; [或县级] =8%'],
  ['每年1次10%;或者待定xyz', 'combined', 'invalid'],
  ['待定xyz;或者abc', 'combined', 'invalid'],
  ['每年1次;或者不定期', 'frequency', '=1/y'],
  ['市、县级各10%', 'ratio', '=10%'],
  // A count that bounds a condition is the scope of the value after it, not a value.
  [
    '企业数50家及以下的县,不少于5家;企业数超过50家的县,不低于10%',
    'ratio',
    '[企业数50家及以下的县] count >=5家 ; [企业数超过50家的县] >=10%',
  ],
  ['按比例抽查企业数量超过100户的乡镇,不低于5%', 'ratio', '>=5%'],
  [
    '各县根据实际确定比例户数10户以下的乡镇不少于2户,户数超过10户的乡镇不低于20%',
    'ratio',
    '[户数10户以下的乡镇] count >=2户 ; [户数超过10户的乡镇] >=20%',
  ],
  ['随机抽取不少于2家的企业', 'ratio', 'count >=2家'],
  ['市级10%,县级不少于5家', 'ratio', '[市级] =10% ; [县级] count >=5家'],
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
  ['待定', 'combined', 'ratio: prose | frequency: prose'],
  ['详见频次表', 'frequency', 'prose'],
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

describe('a column that states a cap (频次上限)', () => {
  test.each([
    ['4次/年', '<=4/y'],
    ['3', '<=3/y'],
    ['守信主体,1次;失信主体,4次', '[守信主体] <=1/y ; [失信主体] <=4/y'],
    ['检查频次:1次/年;上限:2次/年', '=1/y'], // the cell writes its own cap: the first is the planned value
    ['不少于1次/年', '>=1/y'],
  ])('%j → %s', (text, meaning) => expect(cellMeaning(text, 'frequency', '检查频次(上限)')).toBe(meaning));
  test('without such a header a count is exact', () =>
    expect(cellMeaning('4次/年', 'frequency', '检查频次')).toBe('=4/y'));
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
