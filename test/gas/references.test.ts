// Tests of the Sheets side of `{{=…}}`: one lookup per target, and the formula wall's reads (each sheet once, names
// by name) made only when a target holds a formula, on the counting fakes.
import { formulaReadsPersonal } from '../../src/core/formula-refs';
import { referenceKey } from '../../src/core/templates';
import { resolveReferences } from '../../src/gas/references';
import { createFakeEnvironment, installFakes } from '../fakes';

const personal = (sheet: string) => sheet === '候補者';

function environment() {
  const env = createFakeEnvironment({
    sheets: {
      候補者: [
        ['候補者ID', '氏名'],
        ['C1', 'SENTINEL_山田太郎'],
      ],
      集計: [
        ['項目', '値'],
        ['経由', '=集計2!A1'],
        ['文字数', '=LEN(INDIRECT("候"&"補者!B2"))'],
        ['名前経由', '=SUM(名簿範囲)'],
        ['安全', '=SUM(集計2!B1:B3)*2'],
      ],
      集計2: [
        ['=LEN(候補者!B2)', 1],
        ['', 2],
        ['', '=B1+B2'],
      ],
    },
  });
  return env;
}

describe('resolveReferences', () => {
  it('hands the core a source that follows 集計!B2 → 集計2!A1 → 候補者!B2, reading 集計2 once', () => {
    const env = environment();
    const uninstall = installFakes(env);
    try {
      const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
      const references = resolveReferences(spreadsheet, ['集計!B2', '集計!B3', '集計!B5']);
      expect(env.calls.count('Range.getFormulas')).toBe(0);
      const chain = references.get(referenceKey('集計!B2'));
      expect(chain?.formula).toBe('=集計2!A1');
      expect(formulaReadsPersonal('集計', chain?.formula ?? '', personal, chain?.formulaSource)).toBe(true);
      const indirect = references.get(referenceKey('集計!B3'));
      expect(formulaReadsPersonal('集計', indirect?.formula ?? '', personal, indirect?.formulaSource)).toBe(true);
      const safe = references.get(referenceKey('集計!B5'));
      expect(formulaReadsPersonal('集計', safe?.formula ?? '', personal, safe?.formulaSource)).toBe(false);
      // 集計2 was read once for both traces that reached it; INDIRECT is refused without reading anything.
      expect(env.calls.count('Spreadsheet.getSheets')).toBe(1);
      expect(env.calls.count('Range.getFormulas')).toBe(1);
    } finally {
      uninstall();
    }
  });

  it('looks a named range up by name when a formula uses one', () => {
    const env = environment();
    const uninstall = installFakes(env);
    try {
      const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
      const fake = env.spreadsheet as unknown as {
        setNamedRange(name: string, range: unknown): void;
        getRange(a1: string): unknown;
      };
      fake.setNamedRange('名簿範囲', fake.getRange('候補者!B2:B9'));
      const named = resolveReferences(spreadsheet, ['集計!B4']).get(referenceKey('集計!B4'));
      expect(formulaReadsPersonal('集計', named?.formula ?? '', personal, named?.formulaSource)).toBe(true);
      expect(named?.formulaSource?.namedRange('名簿範囲')).toEqual({ sheet: '候補者', area: 'B2:B9' });
      expect(named?.formulaSource?.namedRange('ない')).toBeNull();
      expect(named?.formulaSource?.sheetFormulas('ないシート')).toBeNull();
    } finally {
      uninstall();
    }
  });
});
