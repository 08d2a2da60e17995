// Hostile input to 報告書の数字を更新 in Sheets (issue 14): a forged 生成履歴 row, a forged figure record in the document
// properties, foreign named ranges with markup in the Doc, and planted person data that must reach nothing.
import { createReport } from '../../src/gas/actions';
import { reportRuns, updateReport } from '../../src/gas/update-doc';
import { createFakeEnvironment, type FakeEnvironment, fakeSheet, installFakes, sheetValues, unwrap } from '../fakes';
import { rawWorkbook } from '../helpers/raw';
import { sampleSheets } from '../helpers/sample';

function withFakes<T>(sheets: Record<string, unknown[][]>, run: (env: FakeEnvironment) => T): T {
  const env = createFakeEnvironment({ sheets });
  const uninstall = installFakes(env);
  try {
    return run(env);
  } finally {
    uninstall();
  }
}

const spreadsheetOf = (env: FakeEnvironment) => env.SpreadsheetApp.getActiveSpreadsheet();
const HEADER = ['日時', '年度', '形式', '文書URL/パス', '警告数', '実行者'];

describe('a forged 生成履歴 row', () => {
  it('takes no document ID out of markup, a formula or a huge cell, in linear time', () => {
    const huge = `https://docs.google.com/document/d/${'<'.repeat(200_000)}`;
    const started = Date.now();
    const runs = reportRuns(
      rawWorkbook({
        生成履歴: [
          HEADER,
          ['', 2022, 'Google ドキュメント', '<a href="https://docs.google.com/document/d/<script>">x</a>', 0, ''],
          ['', 2022, 'Google ドキュメント', '=HYPERLINK("https://evil.example/")', 0, ''],
          ['', 2022, 'Google ドキュメント', huge, 0, ''],
          ['', '2022<script>', 'Google ドキュメント', 'https://docs.google.com/document/d/doc-aaaaaaaa/edit', 0, ''],
        ],
      }),
    );
    expect(runs).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('names a Doc that cannot be opened without echoing its cell', () => {
    const sheets = sampleSheets();
    sheets.生成履歴 = [
      HEADER,
      ['', 2022, 'Google ドキュメント', 'https://docs.google.com/document/d/doc-<b>gone</b>-1/edit', 0, ''],
      ['', 2022, 'Google ドキュメント', 'https://docs.google.com/document/d/doc-missing-1/edit', 0, ''],
    ];
    withFakes(sheets, (env) => {
      expect(updateReport(spreadsheetOf(env))).toEqual({
        kind: 'unavailable',
        message: '生成履歴の文書を開けませんでした（削除されたか、開く権限がありません）。',
      });
    });
  });
});

describe('a forged figure record and foreign named ranges', () => {
  it('goes on without a record whose piece count or JSON is forged, and says so', () => {
    withFakes(sampleSheets(), (env) => {
      createReport(spreadsheetOf(env));
      const store = unwrap(env.PropertiesService).getDocumentProperties();
      store.setProperty('jh:figures:fake-document-1', '99999999');
      const forgedCount = updateReport(spreadsheetOf(env));
      store.setProperty('jh:figures:fake-document-1', '1');
      store.setProperty('jh:figures:fake-document-1:0', '{"v":1,"kind":"jigyo","year":2022,<script>');
      const forgedJson = updateReport(spreadsheetOf(env));
      // Without the record the 特定非営利活動 table (4 事業費, 4 受益対象者, its total) is left alone: 32 − 9 = 23.
      for (const outcome of [forgedCount, forgedJson]) {
        expect(outcome.kind === 'updated' && outcome.lines.slice(0, 2)).toEqual([
          '数字の更新: 変わった数字 0 件、変わらない数字 23 件',
          '作成時の数字の記録が見つかりません（別のソフトで保存し直したときなど）。削除された数字と新しい数字を区別できず、表の数字は更新しません',
        ]);
      }
    });
  });

  it('leaves a named range it did not make as it is and quotes none of its markup', () => {
    withFakes(sampleSheets(), (env) => {
      createReport(spreadsheetOf(env));
      const document = unwrap(env.documents[0]);
      const paragraph = document.getBody().appendParagraph('<img src=x onerror=alert(1)>');
      const text = paragraph.editAsText();
      document.addNamedRange('jh:<img src=x onerror=alert(1)>', document.newRange().addElement(text).build());
      document.addNamedRange(`jh:${'x'.repeat(253)}`, document.newRange().addElement(text, 0, 3).build());
      const outcome = updateReport(spreadsheetOf(env));
      expect(outcome.kind === 'updated' && outcome.lines).toEqual([
        '数字の更新: 変わった数字 0 件、変わらない数字 32 件',
        'この報告書が作った覚えのない数字の欄 2 件は、そのままにしました',
      ]);
      expect(paragraph.getText()).toBe('<img src=x onerror=alert(1)>');
    });
  });
});

describe('planted person data', () => {
  it('reaches no named range, record, summary line or 生成履歴 cell', () => {
    const sentinel = 'SENTINEL-氏名-7c1f';
    const sheets = sampleSheets();
    const [header, ...rows] = sheets.候補者;
    const name = header.indexOf('氏名');
    const note = header.indexOf('備考');
    sheets.候補者 = [header, ...rows.map((row) => row.map((cell, i) => (i === name || i === note ? sentinel : cell)))];
    withFakes(sheets, (env) => {
      createReport(spreadsheetOf(env));
      unwrap(fakeSheet(env, '費用')).appendRow(['2022-06-01', '育成事業', '人件費', '', 1000000, sentinel, sentinel]);
      const outcome = updateReport(spreadsheetOf(env));
      expect(outcome.kind).toBe('updated');
      const document = unwrap(env.documents[0]);
      const seen = [
        JSON.stringify(outcome),
        document.getBody().getText(),
        ...document.getNamedRanges().map((range) => range.getName()),
        JSON.stringify(unwrap(env.PropertiesService).getDocumentProperties().getProperties()),
        JSON.stringify(sheetValues(env, '生成履歴')),
      ].join('\n');
      expect(seen).not.toContain('SENTINEL');
    });
  });
});
