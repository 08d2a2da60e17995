// This file tests hostile cells against the record-building fast paths: huge 参加者ID lists, long IDs, separators only.

import { type RawTab, readWorkbook } from '../../src/core/read-workbook';
import { duplicateKey } from '../../src/core/validate';

const SETTINGS: RawTab = {
  name: '設定',
  values: [
    ['項目', '値'],
    ['団体名', 'NPO'],
    ['対象年度', 2022],
  ],
};

function participantIds(cell: string): readonly string[] {
  const events: RawTab = {
    name: 'イベント',
    values: [
      ['イベントID', '事業内容', '種別', '開始日', '参加者ID'],
      ['E1', '育成事業', '交流会', '2022/4/1', cell],
    ],
  };
  return readWorkbook({ tabs: [SETTINGS, events] }).workbook.events[0].participantIds;
}

describe('hostile 参加者ID cells', () => {
  it('a list of 100,000 IDs, each behind a different separator, reads as exactly those IDs', () => {
    const separators = [',', '、', '，', ';', '；', ' ', '\t', '\u3000', '\u00a0', '\u2028'];
    const text = Array.from({ length: 100_000 }, (_, i) => `${separators[i % separators.length]}C${i}`).join('');
    const ids = participantIds(text);
    expect(ids.length).toBe(100_000);
    expect(ids.slice(0, 3)).toEqual(['C0', 'C1', 'C2']);
    expect(ids[99_999]).toBe('C99999');
  });

  it('200,000 separators and nothing else are no ID', () => {
    expect(participantIds(`x${'、\u3000,;\t'.repeat(40_000)}`)).toEqual(['x']);
  });

  it('one 200,000-character ID with a zero-width space (not a separator) stays one ID', () => {
    const id = `${'A'.repeat(100_000)}\u200b${'B'.repeat(99_999)}`;
    expect(participantIds(id)).toEqual([id]);
  });
});

describe('hostile ID keys', () => {
  it('a 200,000-character ID gets its key in one pass', () => {
    expect(duplicateKey('x'.repeat(200_000))).toBe('X'.repeat(200_000));
    expect(duplicateKey(`${'Ｃ'.repeat(100_000)}事`)).toBe(`${'c'.repeat(100_000)}事`);
  });
});
