// Tests of the custom formulas' Apps Script side, run as Sheets runs them: in the fakes' custom-function mode.
import { candidateCount, jigyoMetric, placements, programCost } from '../../src/gas/custom-functions';
import { createFakeEnvironment, type FakeEnvironment, installFakes } from '../fakes';
import { sampleSheets } from '../helpers/sample';

/** Runs `run` with the fakes installed and in custom-function mode, as Sheets runs a formula. */
function asFormula<T>(sheets: Record<string, unknown[][]>, run: (env: FakeEnvironment) => T): T {
  const env = createFakeEnvironment({ sheets });
  const uninstall = installFakes(env);
  try {
    return env.asCustomFunction(() => run(env));
  } finally {
    uninstall();
  }
}

describe('custom formulas in custom-function mode', () => {
  it('read the needed tabs without Session (not on the list of services a custom function may call)', () => {
    // The sample's FY2022 figures (see test/bundle/report-action.test.ts): 育成事業 9,966,300 yen, 7 placements
    // through 職業紹介, 137 new contacts.
    asFormula(sampleSheets(), (env) => {
      expect(programCost('育成事業')).toBe(9_966_300);
      expect(placements(2022, '職業紹介')).toBe(7);
      expect(candidateCount('新規接点数')).toBe(137);
      expect(env.calls.byService('Session')).toBe(0);
    });
  });

  it('word an argument error in 報告書言語 without Session either', () => {
    const sheets = sampleSheets();
    sheets.設定 = [...sheets.設定, ['報告書言語', 'en']];
    asFormula(sheets, () => {
      expect(() => jigyoMetric('就職者数', 2022, '就職経路')).toThrow(
        'The condition "就職経路" must be written "key=value" (e.g. "事業内容=育成事業")',
      );
    });
  });
});
