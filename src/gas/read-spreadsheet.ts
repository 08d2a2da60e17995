// This file defines the Sheets reader: one getValues per contract tab, turned into the core's RawWorkbook.
import { findTab, matchKey, type RawTab, type RawWorkbook } from '../core/read-workbook';
import { TABS, type TabDef, type TabKey } from '../core/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Reads the contract's tabs (or only `keys`) with one getDataRange().getValues() each; other sheets are not read. */
export function readSpreadsheet(spreadsheet: Spreadsheet, keys?: readonly TabKey[]): RawWorkbook {
  const sheets = spreadsheet.getSheets();
  const names = sheets.map((sheet) => sheet.getName());
  const byName = new Map(names.map((name, index) => [matchKey(name), index]));
  const tabs: RawTab[] = [];
  const wanted = (TABS as readonly TabDef[]).filter((def) => !keys || keys.includes(def.key));
  const nameOnly: RawWorkbook = { tabs: names.map((name) => ({ name, values: [] })) };
  for (const def of wanted) {
    const found = findTab(nameOnly, def);
    if (!found) continue;
    const index = byName.get(matchKey(found.name)) as number;
    tabs.push({ name: found.name, values: sheets[index].getDataRange().getValues() });
  }
  return { tabs };
}
