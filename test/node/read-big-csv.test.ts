// This file tests how the runner reads a big CSV file (over 256 KB): checked when read, split into rows only when the core reads them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeReport } from '../../src/core/pipeline';
import type { RawTab } from '../../src/core/read-workbook';
import { FileError } from '../../src/node/file-error';
import { parseCsv, plainUtf8Body, unclosedQuoteLine } from '../../src/node/read-csv';
import { readWorkbookFile } from '../../src/node/read-workbook-file';
import { outputDir, readSampleTabs, toCsv, writeCsvFolder } from './support';

/** The sample's 費用 rows repeated until the file is well over 256 KB (every copy in the year, same 事業). */
function bigCosts(): string[][] {
  const costs = readSampleTabs().費用;
  const rows = [costs[0]];
  while (rows.length < 6000) rows.push(...costs.slice(1));
  return rows;
}

async function readError(dir: string): Promise<FileError> {
  const error = await readWorkbookFile(dir).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FileError);
  return error as FileError;
}

describe('a big CSV file', () => {
  it('reads as the same rows as a small one, row by row, UTF-8 with and without a BOM', async () => {
    const tabs = { ...readSampleTabs(), 費用: bigCosts() };
    for (const encoding of ['utf-8', 'utf-8-bom'] as const) {
      const dir = writeCsvFolder(join(outputDir('big-csv'), 'wb'), tabs, encoding);
      const file = await readWorkbookFile(dir);
      const costs = file.raw.tabs.find((tab) => tab.name === '費用') as RawTab;
      expect(costs.eachRow).toBeDefined();
      const rows: (readonly unknown[])[] = [];
      costs.eachRow?.((row) => {
        // Each data row is lent (RawTab.eachRow): kept, it must be copied.
        rows.push([...row]);
        return true;
      });
      expect(rows).toEqual(tabs.費用);
      expect(costs.values).toEqual(tabs.費用);
      expect(file.encodings.費用).toBe('utf-8');
      // The sample's 事業費 grow with the copies; what matters here is that the big tab reads without an issue.
      const report = makeReport(file.raw, { references: file.references });
      expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    }
  }, 60_000);

  it('stops at a quote that never closes, naming the line, before any row is read', async () => {
    const rows = bigCosts();
    const dir = join(outputDir('big-csv-quote'), 'wb');
    writeCsvFolder(dir, { ...readSampleTabs(), 費用: rows });
    // The line after the last row opens a quote in its 摘要 that nothing closes (a quote earlier would be closed by
    // the next quoted field of the file, as any CSV reader reads it).
    const text = `\uFEFF${toCsv(rows)}2022/4/1,育成事業,人件費,給与,1000,"開いたまま\r\n`;
    expect(rows.length).toBe(6046);
    writeFileSync(join(dir, '費用.csv'), text);
    const error = await readError(dir);
    expect([error.code, error.line]).toEqual(['unclosed_quote', 6047]);
  }, 60_000);
});

describe('plainUtf8Body', () => {
  it('is the bytes without their BOM when every byte is valid UTF-8, null otherwise', () => {
    const text = '項目,値\r\n団体名,NPO\r\n';
    expect(Buffer.from(plainUtf8Body(Buffer.from(text)) ?? []).toString()).toBe(text);
    expect(Buffer.from(plainUtf8Body(Buffer.from(`\uFEFF${text}`)) ?? []).toString()).toBe(text);
    expect(plainUtf8Body(Buffer.concat([Buffer.from(text), Buffer.from([0xff])]))).toBeNull();
    expect(plainUtf8Body(Buffer.from(`\uFEFF${text}`, 'utf16le'))).toBeNull();
    // UTF-16 without a BOM (NUL bytes in every other place) is valid UTF-8 byte for byte, but is not UTF-8 text.
    expect(plainUtf8Body(Buffer.from('a,b\r\n1,2\r\n', 'utf16le'))).toBeNull();
  });
});

describe('unclosedQuoteLine on UTF-8 bytes', () => {
  it('names the line it names on the decoded text', () => {
    const text = '日付,摘要\r\n2022/4/1,"改行\nあり"\r\n2022/4/2,"閉じない\r\n';
    expect(unclosedQuoteLine(Buffer.from(text))).toBe(4);
    expect(unclosedQuoteLine(text)).toBe(4);
    expect(() => parseCsv(text)).toThrow('unclosed quote opened at line 4');
    expect(unclosedQuoteLine(Buffer.from('あ,"い""う",え\n'))).toBeNull();
  });
});
