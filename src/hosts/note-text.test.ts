import { joinNote, NOTE_LIMIT, noteStamp, restoredNote } from './note-text';

describe('the text of a marked cell’s note', () => {
  test('ours is appended on a new line, and cut so that the whole stays under the limit; the original never', () => {
    expect(joinNote(null, '[错误] x')).toBe('[错误] x');
    expect(joinNote('原有批注', '[错误] x')).toBe('原有批注\n[错误] x');
    const long = '长'.repeat(31_990);
    const joined = joinNote(long, '[错误] 比例超出范围：'.repeat(10));
    expect(joined.length).toBeLessThanOrEqual(NOTE_LIMIT);
    expect(joined.startsWith(`${long}\n[错误]`)).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(joinNote('满'.repeat(NOTE_LIMIT), '[错误] x')).toBe('满'.repeat(NOTE_LIMIT));
    expect(joinNote(null, 'x'.repeat(40_000)).length).toBe(NOTE_LIMIT);
  });

  test.each([
    // [now, original, ours, text put back, person's words kept]
    ['[错误] x', null, '[错误] x', null, false],
    ['原有\n[错误] x', '原有', '[错误] x', '原有', false],
    ['[错误] x\n我已核实，比例无误', null, '[错误] x', '我已核实，比例无误', true],
    ['原有\n[错误] x\n我的补充', '原有', '[错误] x', '原有\n我的补充', true],
    ['原有（已改）\n[错误] x', '原有', '[错误] x', '原有（已改）', true],
    // Our own words edited: nothing can be told apart, the note stays as the person has it.
    ['[错误] 比例已改正为10%', null, '[错误] 比例超出范围：150%', '[错误] 比例已改正为10%', true],
    ['全部重写了', '原有', '[错误] x', '全部重写了', true],
    [undefined, '原有', '[错误] x', '原有', false],
    [null, null, '[错误] x', null, false],
  ])('now %j, original %j, ours %j → %j (kept %s)', (now, original, ours, text, kept) => {
    expect(restoredNote(now, original, ours)).toEqual({ text, kept });
  });

  test('from a stamp (length and hash, when the record keeps no text) the same as from the text', () => {
    const stamp = { stamp: noteStamp('原有', '[错误] 比例超出范围')! };
    expect(stamp.stamp).toMatch(/^11:[0-9a-f]{16}$/);
    expect(restoredNote('原有\n[错误] 比例超出范围', '原有', stamp)).toEqual({ text: '原有', kept: false });
    expect(restoredNote('原有\n[错误] 比例超出范围\n我的补充', '原有', stamp)).toEqual({
      text: '原有\n我的补充',
      kept: true,
    });
    expect(restoredNote('原有\n[错误] 比例已改', '原有', stamp)).toEqual({
      text: '原有\n[错误] 比例已改',
      kept: true,
    });
    expect(noteStamp(null, '')).toBeUndefined();
  });
});
