// This file defines the sample workbook as fake-sheet input, also scaled up for call-count comparisons.
import { makeSampleWorkbook } from '../../scripts/make-sample';

/** The sample as `{ tab name: rows }`, ready for createFakeEnvironment. */
export function sampleSheets(): Record<string, unknown[][]> {
  return Object.fromEntries(makeSampleWorkbook().map((tab) => [tab.name, tab.values.map((row) => [...row])]));
}

/** The sample with the data rows of 候補者, イベント and 費用 repeated `factor` times (IDs kept unique). */
export function scaledSampleSheets(factor: number): Record<string, unknown[][]> {
  const sheets = sampleSheets();
  const idColumn: Record<string, string> = { 候補者: '候補者ID', イベント: 'イベントID' };
  for (const tab of ['候補者', 'イベント', '費用']) {
    const [header, ...rows] = sheets[tab];
    const id = idColumn[tab] ? header.indexOf(idColumn[tab]) : -1;
    const copies: unknown[][] = [];
    for (let copy = 0; copy < factor; copy++) {
      for (const row of rows)
        copies.push(id >= 0 && copy > 0 ? row.map((cell, i) => (i === id ? `${cell}-${copy}` : cell)) : row);
    }
    sheets[tab] = [header, ...copies];
  }
  return sheets;
}
