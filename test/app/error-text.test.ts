import { ExcelHostError } from '../../src/hosts/excel';
import { WorkbookReadError } from '../../src/hosts/xlsx/errors';
import { errorText } from '../../src/app/error-text';

describe('error text', () => {
  it('shows adapter and file errors in the pane language', () => {
    const protectedSheet = new ExcelHostError('excel/sheet-protected', { sheet: '清单' });
    expect(errorText(protectedSheet, 'zh-CN')).toContain('受保护');
    expect(errorText(protectedSheet, 'en-US')).toContain('is protected');
    expect(errorText(new WorkbookReadError('file/empty', 'a.xlsx'), 'en-US')).toContain('is empty');
  });

  it('shows any other failure as its message', () => {
    expect(errorText(new Error('boom'), 'zh-CN')).toBe('boom');
    expect(errorText('plain', 'zh-CN')).toBe('plain');
    expect(errorText(null, 'zh-CN')).toBe('null');
  });
});
