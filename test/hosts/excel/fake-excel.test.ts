import { FakeExcel, FakeOfficeError } from './fake-excel';

/** The fake must refuse what Excel refuses, or the adapter tests prove nothing. */
describe('the fake Excel enforces Office.js rules', () => {
  const book = () =>
    new FakeExcel({
      sheets: [
        {
          name: 'S',
          values: [
            ['a', 1],
            ['b', 2],
          ],
          merges: [],
          fills: { A1: '#FF0000' },
        },
        { name: 'P', values: [['x']], protected: true },
      ],
    });

  const codeOf = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(FakeOfficeError);
    return (e as FakeOfficeError).code;
  };

  test('properties are unreadable before load() and sync()', async () => {
    const fake = book();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:B2');
      expect(() => range.values).toThrow(/not available/);
      range.load('values');
      expect(() => range.values).toThrow(/call the load method/);
      await context.sync();
      expect(range.values).toEqual([
        ['a', 1],
        ['b', 2],
      ]);
      expect(() => range.numberFormat).toThrow(/PropertyNotLoaded|not available/);
    });
  });

  test('requests are queued until sync(); each sync is counted with its payload', async () => {
    const fake = book();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').format.fill.color = '#00FF00';
      expect(fake.fill('S', 'A1')).toBe('#FF0000');
      await context.sync();
      expect(fake.fill('S', 'A1')).toBe('#00FF00');
    });
    expect(fake.counters.syncs).toBe(1);
    expect(fake.counters.maxRequestBytes).toBeGreaterThan(50);
  });

  test('a request over 5 MB is refused before anything is done', async () => {
    const fake = book();
    const big = 'x'.repeat(30_000);
    const code = await codeOf(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        for (let i = 1; i <= 200; i++) sheet.getRange(`C${i}`).values = [[big]];
        await context.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.value('S', 'C1')).toBe('');
  });

  test('a response over 5 MB fails the sync', async () => {
    const row = Array.from({ length: 100 }, () => '一段二十个汉字的长文本一段二十个汉字的长文本');
    const fake = new FakeExcel({ sheets: [{ name: 'W', values: Array.from({ length: 1000 }, () => row) }] });
    const code = await codeOf(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('W').getRange('A1:CV1000').load('values');
        await context.sync();
      }),
    );
    expect(code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  test('addresses over 8,192 characters are refused', async () => {
    const fake = book();
    const list = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(',');
    expect(list.length).toBeGreaterThan(8192);
    const code = await codeOf(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRanges(list).format.fill.color = '#00FF00';
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  test('reads past 5 million cells give null values', async () => {
    const fake = book();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1:CV60000');
      r.load('values,rowCount');
      await context.sync();
      expect(r.rowCount).toBe(60000);
      expect(r.values).toBeNull();
    });
  });

  test('getMergedAreasOrNullObject fails past 512 merged areas, and is a null object without any', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const fake = new FakeExcel({
      sheets: [
        { name: 'M', values: [['x']], merges },
        { name: 'N', values: [['x']] },
      ],
    });
    const code = await codeOf(
      fake.run(async (context) => {
        context.workbook.worksheets
          .getItem('M')
          .getRange('A1:B2000')
          .getMergedAreasOrNullObject()
          .load('address');
        await context.sync();
      }),
    );
    expect(code).toBe('GeneralException');
    await fake.run(async (context) => {
      const few = context.workbook.worksheets.getItem('M').getRange('A1:B5').getMergedAreasOrNullObject();
      const none = context.workbook.worksheets.getItem('N').getRange('A1:B5').getMergedAreasOrNullObject();
      few.load('address');
      none.load('address');
      await context.sync();
      expect(few.address).toBe('M!A1:B1, M!A3:B3, M!A5:B5');
      expect(none.isNullObject).toBe(true);
    });
  });

  test('requirement sets: APIs of higher sets fail when they are switched off', async () => {
    const fake = book();
    fake.setApi('1.8');
    expect(fake.requirements('ExcelApi', '1.8')).toBe(true);
    expect(fake.requirements('ExcelApi', '1.9')).toBe(false);
    const code = await codeOf(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRanges('A1,B2').format.fill.color = '#00FF00';
        await context.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
    fake.setApi('1.1');
    for (const batch of [
      (c: Excel.RequestContext) =>
        c.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 1, 1).load('values'),
      (c: Excel.RequestContext) => c.workbook.worksheets.getItem('S').notes.add('A1', 'x'),
      (c: Excel.RequestContext) => c.workbook.comments.add('S!A1', 'x'),
      (c: Excel.RequestContext) => c.workbook.worksheets.getItemOrNullObject('S').load('name'),
      (c: Excel.RequestContext) => (c.workbook.worksheets.getItem('S').visibility = 'Hidden'),
      (c: Excel.RequestContext) => c.workbook.settings.add('k', 'v'),
      (c: Excel.RequestContext) =>
        c.workbook.worksheets.getItem('S').getRange('A1').format.fill.load('pattern'),
    ])
      expect(
        await codeOf(
          fake.run(async (context) => {
            batch(context);
            await context.sync();
          }),
        ),
      ).toBe('ApiNotFound');
  });

  test('protected sheets reject format writes; read-only workbooks reject every write', async () => {
    const fake = book();
    expect(
      await codeOf(
        fake.run(async (context) => {
          context.workbook.worksheets.getItem('P').getRange('A1').format.fill.color = '#00FF00';
          await context.sync();
        }),
      ),
    ).toBe('AccessDenied');
    fake.setReadOnly();
    expect(
      await codeOf(
        fake.run(async (context) => {
          context.workbook.worksheets.getItem('S').getRange('A1').format.fill.clear();
          await context.sync();
        }),
      ),
    ).toBe('AccessDenied');
    expect(fake.fill('S', 'A1')).toBe('#FF0000');
  });

  test('no fill reads as #FFFFFF with pattern None, as Excel reports it', async () => {
    const fake = book();
    await fake.run(async (context) => {
      const fill = context.workbook.worksheets.getItem('S').getRange('B1').format.fill;
      fill.load('color,pattern,tintAndShade');
      await context.sync();
      expect([fill.color, fill.pattern, fill.tintAndShade]).toEqual(['#FFFFFF', 'None', null]);
    });
  });

  test('save and reopen keeps everything, hidden sheets included', async () => {
    const fake = book();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.add('H');
      ws.visibility = 'VeryHidden';
      ws.getRange('A1').values = [['secret']];
      await context.sync();
    });
    const again = FakeExcel.open(fake.save());
    expect(again.sheetNames()).toEqual(['S', 'P', 'H']);
    expect(again.visibility('H')).toBe('VeryHidden');
    expect(again.value('H', 'A1')).toBe('secret');
    expect(again.fill('S', 'A1')).toBe('#FF0000');
  });
});
