// Tests of 報告書の数字を更新 on the fakes (issue 14): the named ranges a report gets, an update that rewrites only
// them after staff edited the Doc, the 生成履歴 row 形式「更新」, the gates (errors, lock) and the calls it makes.
import { docUpdateText } from '../../src/core/messages';
import { createReport } from '../../src/gas/actions';
import { MENU_ITEMS } from '../../src/gas/menu';
import { updateFromSidebar } from '../../src/gas/sidebar-server';
import {
  chooseRun,
  FIGURE_FIELDS,
  type FigurePlace,
  figurePlaces,
  figureRequests,
  menuUpdateReport,
  reportRuns,
  updateReport,
} from '../../src/gas/update-doc';
import {
  createFakeEnvironment,
  type FakeDocument,
  type FakeEnvironment,
  type FakeParagraph,
  fakeSheet,
  installFakes,
  sheetValues,
  unwrap,
} from '../fakes';
import { rawWorkbook } from '../helpers/raw';
import { sampleSheets, scaledSampleSheets } from '../helpers/sample';

const MADE = new Date('2026-05-10T01:00:00Z'); // 10:00 in Tokyo
const UPDATED = new Date('2026-06-20T03:30:00Z'); // 12:30 in Tokyo

function withFakes<T>(sheets: Record<string, unknown[][]>, run: (env: FakeEnvironment) => T): T {
  const env = createFakeEnvironment({ sheets, htmlFiles: { sidebar: '<html></html>' } });
  const uninstall = installFakes(env);
  try {
    return run(env);
  } finally {
    uninstall();
  }
}

/** 事業報告書を作成 on the fakes; the report is env.documents[0]. */
function make(env: FakeEnvironment): FakeDocument {
  const outcome = createReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: MADE });
  if (outcome.kind !== 'created') throw new Error(`not created: ${JSON.stringify(outcome)}`);
  return unwrap(env.documents[0]);
}

/** Name → the text of each range of that name, read on the fake itself (no counted call). */
function figures(document: FakeDocument): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const range of document.getNamedRanges()) {
    const text = range
      .getRange()
      .elements.map((element) => element.paragraph.getText().slice(element.first, element.last + 1))
      .join('');
    out[range.getName()] ??= [];
    out[range.getName()].push(text);
  }
  return out;
}

/** The paragraph of the body whose text contains `part`. */
function paragraphWith(document: FakeDocument, part: string) {
  const found = document
    .getBody()
    .getParagraphs()
    .find((paragraph) => paragraph.getText().includes(part));
  if (!found) throw new Error(`no paragraph with ${part}`);
  return found;
}

/** A 費用 row of 1,000,000 yen for 育成事業 in FY2022: its 事業費 goes up by exactly 1,000 千円. */
function addCost(env: FakeEnvironment): void {
  unwrap(fakeSheet(env, '費用')).appendRow(['2022-06-01', '育成事業', '人件費', '給料手当', 1000000, '賞与', 'X-1']);
}

const STATUS_PARAGRAPH = '今年度は新たに';

/** The calls of a snapshot made to a Doc service: DocumentApp's classes and the Docs advanced service's. */
function docCalls(snapshot: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(snapshot).filter(([key]) =>
      /^(Documents|Document|DocumentApp|DocumentNamedRange|DocumentRange|RangeBuilder|RangeElement|Text|Body|Paragraph|Table|TableCell)\./.test(
        key,
      ),
    ),
  );
}

describe('named ranges of a new report', () => {
  it('names every figure jh:<tag>, over exactly the figure text, and keeps the record under the Doc ID', () => {
    withFakes(sampleSheets(), (env) => {
      const document = make(env);
      const named = figures(document);
      expect(Object.keys(named)).toHaveLength(32);
      expect(named['jh:cost:育成事業']).toEqual(['9,966']);
      expect(named['jh:cost:ファンドレイジング']).toEqual(['800']);
      expect(named['jh:total:特定非営利活動']).toEqual(['22,393']);
      expect(named['jh:total:その他の事業']).toEqual(['0']);
      expect(named['jh:m:在留資格変更数']).toEqual(['2名']);
      expect(named['jh:m:ヒアリング企業数']).toEqual(['23']);
      expect(named['jh:m:イベント回数|事業内容=育成事業|種別=交流会,勉強会']).toEqual(['9']);
      expect(named['jh:beneficiaries:育成事業']).toEqual(['キャリア教育機会参加者延べ282名']);
      const properties = unwrap(env.PropertiesService).getDocumentProperties().getProperties();
      expect(properties['jh:figures:fake-document-1']).toBe('1');
      expect(JSON.parse(properties['jh:figures:fake-document-1:0'])).toMatchObject({ v: 1, kind: 'jigyo', year: 2022 });
    });
  });

  it('keeps the records of the newest 40 reports only, so the 500 KB property store never fills up', () => {
    withFakes(sampleSheets(), (env) => {
      for (let run = 0; run < 41; run++) createReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: MADE });
      const properties = unwrap(env.PropertiesService).getDocumentProperties().getProperties();
      const ids = Array.from({ length: 40 }, (_, i) => `fake-document-${i + 2}`);
      expect(properties['jh:figures']).toBe(ids.join(' '));
      expect(Object.keys(properties).filter((key) => key.startsWith('jh:figures:fake-document-1:'))).toEqual([]);
      expect(properties['jh:figures:fake-document-1']).toBeUndefined();
      expect(Object.keys(properties)).toHaveLength(1 + 40 * 2);
      expect(properties['jh:figures:fake-document-41']).toBe('1');
    });
  });

  it('makes the same Doc calls for a workbook 100 times larger (four per figure, none per data row)', () => {
    const calls = (sheets: Record<string, unknown[][]>) =>
      withFakes(sheets, (env) => {
        make(env);
        return env.calls.snapshot();
      });
    const small = calls(sampleSheets());
    expect(calls(scaledSampleSheets(100))).toEqual(small);
    expect(small['Document.addNamedRange']).toBe(32);
    expect(small['Document.newRange']).toBe(32);
  });
});

describe('報告書の数字を更新', () => {
  it('rewrites only the figures that changed, keeping text typed around them, new paragraphs and bold', () => {
    withFakes(sampleSheets(), (env) => {
      const document = make(env);
      const body = document.getBody();
      // Staff edit the Doc: words before and after a figure, a new paragraph, a bold 事業費.
      const status = paragraphWith(document, STATUS_PARAGRAPH).editAsText();
      status.insertText(0, '【重要】');
      status.insertText(status.getText().length, '（速報値）');
      const figureAt = status.getText().indexOf('新たに2名') + 3;
      status.setBold(figureAt, figureAt + 1, true);
      body.insertParagraph(3, 'スタッフが書き足した段落。');
      const costCell = body.getTables()[0].getCell(2, 7).getChild(0).asParagraph().editAsText();
      costCell.setBold(0, 4, true);
      const before = body.getText();
      // The accountant's late entries: one cost row and one change of status.
      addCost(env);
      const candidates = unwrap(fakeSheet(env, '候補者'));
      const header = sheetValues(env, '候補者')[0] as string[];
      const row = header.map(() => '');
      row[header.indexOf('候補者ID')] = 'C9999';
      row[header.indexOf('初回接点日')] = '2022-04-02';
      row[header.indexOf('在留資格変更日')] = '2022-09-01';
      candidates.appendRow(row);
      env.calls.reset();

      const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });

      expect(outcome).toEqual({
        kind: 'updated',
        url: 'https://docs.google.com/document/d/fake-document-1/edit',
        name: '2022年度 事業報告書 (生成 2026-05-10 10:00)',
        warnings: expect.any(Number),
        lines: [
          '数字の更新: 変わった数字 4 件、変わらない数字 28 件',
          '変更 本文【統合事業】1段落目: 137名 → 138名',
          '変更 本文【統合事業】7段落目: 2名 → 3名',
          '変更 見出し「（１）特定非営利活動に係る事業（事業費の総費用【 … 】千円）」: 22,393 → 23,393',
          '変更 表「育成事業」の事業費（千円）: 9,966 → 10,966',
        ],
      });
      const named = figures(document);
      expect(named['jh:cost:育成事業']).toEqual(['10,966']);
      expect(named['jh:total:特定非営利活動']).toEqual(['23,393']);
      expect(named['jh:m:在留資格変更数']).toEqual(['3名']);
      expect(Object.keys(named)).toHaveLength(32);
      // Everything else is as the editor left it, byte for byte.
      const expected = before
        .replace('9,966', '10,966')
        .replace('【 22,393 】', '【 23,393 】')
        .replace('新たに2名の', '新たに3名の')
        .replace('137名', '138名');
      expect(body.getText()).toBe(expected);
      const statusAfter = paragraphWith(document, STATUS_PARAGRAPH).editAsText();
      expect(statusAfter.getText()).toMatch(/^【重要】.*新たに3名の.*（速報値）$/);
      // The figure typed over stays bold, and the words on either side stay plain.
      const [bold, boldEnd] = [
        statusAfter.getText().indexOf('新たに3名') + 3,
        statusAfter.getText().indexOf('新たに3名') + 4,
      ];
      expect([bold - 1, bold, boldEnd, boldEnd + 1].map((offset) => statusAfter.isBold(offset))).toEqual([
        null,
        true,
        true,
        null,
      ]);
      expect(body.getParagraphs()[3].getText()).toBe('スタッフが書き足した段落。');
      const cell = body.getTables()[0].getCell(2, 7).getChild(0).asParagraph().editAsText();
      expect(cell.getText()).toBe('10,966');
      expect([0, 5].map((offset) => cell.isBold(offset))).toEqual([true, true]);
      // One 生成履歴 row 形式「更新」 for the same Doc, after the one that made it.
      expect(sheetValues(env, '生成履歴').map((r) => r.slice(0, 4))).toEqual([
        ['日時', '年度', '形式', '文書URL/パス'],
        ['2026-05-10 10:00', '2022', 'Google ドキュメント', 'https://docs.google.com/document/d/fake-document-1/edit'],
        ['2026-06-20 12:30', '2022', '更新', 'https://docs.google.com/document/d/fake-document-1/edit'],
      ]);
      expect(env.documents).toHaveLength(1);
    });
  });

  it('rewrites every place of a figure printed twice in one sentence, the second after the first has grown', () => {
    const sheets = sampleSheets();
    sheets.本文 = [
      ...sheets.本文,
      [
        '啓発事業',
        '',
        99,
        '育成事業の事業費は{{事業費|事業内容=育成事業}}円（再掲 {{事業費|事業内容=育成事業}}円）。',
        '',
      ],
    ];
    // The sample's 【啓発事業】 has two paragraphs (本文 rows 9 and 10): the added row is its third.
    withFakes(sheets, (env) => {
      const document = make(env);
      const tag = 'jh:m:事業費|事業内容=育成事業';
      expect(figures(document)[tag]).toEqual(['9,966,300', '9,966,300']);
      // Staff type between the two figures and right after the second one.
      const sentence = paragraphWith(document, '育成事業の事業費は').editAsText();
      sentence.insertText(sentence.getText().indexOf('（再掲'), '（確定）');
      sentence.insertText(sentence.getText().lastIndexOf('300') + 3, '.0');
      addCost(env);
      const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });
      expect(outcome.kind === 'updated' && outcome.lines).toContain(
        '変更 本文【啓発事業】3段落目: 9,966,300 → 10,966,300',
      );
      expect(paragraphWith(document, '育成事業の事業費は').getText()).toBe(
        '育成事業の事業費は10,966,300円（確定）（再掲 10,966,300.0円）。',
      );
      expect(figures(document)[tag]).toEqual(['10,966,300', '10,966,300']);
    });
  });

  it('leaves the 事業 table and its total alone when a 事業 was added, and still updates the text', () => {
    withFakes(sampleSheets(), (env) => {
      const document = make(env);
      addCost(env);
      unwrap(fakeSheet(env, '事業')).appendRow([
        '相談事業',
        '相談事業',
        '特定非営利活動',
        '実施',
        '',
        '',
        '',
        '',
        '',
        '',
        9,
      ]);
      const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });
      expect(outcome.kind === 'updated' && outcome.lines[0]).toBe(
        '数字の更新: 変わった数字 0 件、変わらない数字 23 件',
      );
      // 9 figures sit in that table: 4 事業費, 4 受益対象者の人数 and the （１） total in the heading above it.
      expect(outcome.kind === 'updated' && outcome.lines[1]).toBe(
        '事業の表（特定非営利活動）は更新しませんでした: 事業の行が作成時と違います（増えた行: 相談事業／なくなった行: なし）。この表の数字 9 件は、手で直すか新しい報告書を作ってください',
      );
      const named = figures(document);
      expect([named['jh:cost:育成事業'], named['jh:total:特定非営利活動']]).toEqual([['9,966'], ['22,393']]);
    });
  });

  it('reports a figure whose place the editor deleted and does not put it back', () => {
    withFakes(sampleSheets(), (env) => {
      const document = make(env);
      const paragraph = paragraphWith(document, STATUS_PARAGRAPH);
      paragraph.removeFromParent();
      const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });
      expect(outcome.kind === 'updated' && outcome.lines).toEqual([
        '数字の更新: 変わった数字 0 件、変わらない数字 31 件',
        '削除されていた数字（戻していません） 本文【統合事業】7段落目: 作成時 2名、今は 2名',
      ]);
      expect(document.getBody().getText()).not.toContain(STATUS_PARAGRAPH);
      expect(figures(document)['jh:m:在留資格変更数']).toBeUndefined();
    });
  });

  it('updates nothing and adds no 生成履歴 row while the workbook has errors', () => {
    withFakes(sampleSheets(), (env) => {
      const document = make(env);
      addCost(env);
      unwrap(fakeSheet(env, '費用')).appendRow(['2022-07-01', '育成事業', '人件費', '', '約5万', '', '']);
      const before = document.getBody().getText();
      const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });
      expect(outcome.kind).toBe('invalid');
      if (outcome.kind === 'invalid') expect(outcome.issues.filter((i) => i.severity === 'error')).toHaveLength(1);
      expect(document.getBody().getText()).toBe(before);
      expect(sheetValues(env, '生成履歴')).toHaveLength(2);
    });
  });

  it('takes the document lock: busy while someone else holds it, and lets it go afterwards', () => {
    withFakes(sampleSheets(), (env) => {
      const document = make(env);
      addCost(env);
      env.locks.holdElsewhere('document');
      expect(updateReport(env.SpreadsheetApp.getActiveSpreadsheet())).toEqual({ kind: 'busy' });
      expect(figures(document)['jh:cost:育成事業']).toEqual(['9,966']);
      env.locks.releaseElsewhere('document');
      env.calls.reset();
      expect(updateReport(env.SpreadsheetApp.getActiveSpreadsheet()).kind).toBe('updated');
      expect([env.calls.count('Lock.tryLock'), env.calls.count('Lock.releaseLock')]).toEqual([1, 1]);
      expect(env.LockService.getDocumentLock().tryLock(0)).toBe(true);
    });
  });

  it('lists the 設定 error when 対象年度 is missing and no 生成履歴 row is chosen (the first row under 設定, A7)', () => {
    const sheets = sampleSheets();
    sheets.設定 = sheets.設定.filter((row) => row[0] !== '対象年度');
    withFakes(sheets, (env) => {
      const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet());
      expect(
        outcome.kind === 'invalid' &&
          outcome.issues
            .filter((issue) => issue.severity === 'error')
            .map((issue) => `${issue.tab}!${issue.cell} ${issue.code}`),
      ).toEqual(['設定!A7 missing_setting']);
    });
  });

  it('says why when 生成履歴 has no report of the year, or its Doc has no figures', () => {
    withFakes(sampleSheets(), (env) => {
      expect(updateReport(env.SpreadsheetApp.getActiveSpreadsheet())).toEqual({
        kind: 'unavailable',
        message: '生成履歴に2022年度の事業報告書がありません。先に「事業報告書を作成」で作成してください。',
      });
      const document = make(env);
      for (const range of document.getNamedRanges()) range.remove();
      expect(updateReport(env.SpreadsheetApp.getActiveSpreadsheet())).toEqual({
        kind: 'unavailable',
        message:
          'この文書には更新できる数字がありません（この機能より前に作成したか、数字がすべて削除されています）。新しく報告書を作成してください。',
      });
    });
  });

  it('reads each tab once and makes one Documents.get and one batchUpdate, for 10 or 1,000 rows per tab', () => {
    const calls = (sheets: Record<string, unknown[][]>) =>
      withFakes(sheets, (env) => {
        make(env);
        addCost(env);
        env.calls.reset();
        const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });
        expect(outcome.kind === 'updated' && outcome.lines[0]).toBe(
          '数字の更新: 変わった数字 2 件、変わらない数字 30 件',
        );
        return env.calls.snapshot();
      });
    // 10 rows: the sample's first 10 候補者, イベント and 費用 rows; 1,000 rows: the sample 7 times (1,078 to 2,128).
    const tenRows = sampleSheets();
    for (const tab of ['候補者', 'イベント', '費用']) tenRows[tab] = tenRows[tab].slice(0, 11);
    const small = calls(tenRows);
    const large = calls(scaledSampleSheets(7));
    expect(large).toEqual(small);
    // One getValues per tab of the sample (9) and one for the 生成履歴 header the new row goes under.
    expect(small['Range.getValues']).toBe(10);
    // The Doc: one read, one write; DocumentApp is not called at all.
    expect(docCalls(small)).toEqual({ 'Documents.get': 1, 'Documents.batchUpdate': 1 });
  });

  it('makes the same two Doc calls for 32 figures and for 232, and reads only what it needs', () => {
    const many = sampleSheets();
    // 200 more figures: one 本文 paragraph printing 育成事業's 事業費 200 times (one tag, 200 named ranges).
    many.本文 = [...many.本文, ['啓発事業', '', 99, '{{事業費|事業内容=育成事業}}円、'.repeat(200), '']];
    const run = (sheets: Record<string, unknown[][]>, figuresChanged: number, named: number) =>
      withFakes(sheets, (env) => {
        const document = make(env);
        addCost(env);
        env.calls.reset();
        updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });
        const [batch] = env.docsDocuments.batches;
        // Per rewritten place: deleteNamedRange, insertText, deleteContentRange, createNamedRange.
        expect(batch).toHaveLength(4 * figuresChanged);
        expect(document.getNamedRanges()).toHaveLength(named);
        return docCalls(env.calls.snapshot());
      });
    expect(run(sampleSheets(), 2, 32)).toEqual({ 'Documents.get': 1, 'Documents.batchUpdate': 1 });
    expect(run(many, 202, 232)).toEqual({ 'Documents.get': 1, 'Documents.batchUpdate': 1 });
    expect(FIGURE_FIELDS).toBe(
      'title,revisionId,namedRanges,body/content(startIndex,endIndex,paragraph/elements(startIndex,endIndex,textRun/content),table/tableRows/tableCells/content)',
    );
  });

  it('reads the Doc and writes nothing when no figure changed: no batchUpdate, still a 生成履歴 row', () => {
    withFakes(sampleSheets(), (env) => {
      make(env);
      env.calls.reset();
      const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });
      expect(outcome.kind === 'updated' && outcome.lines).toEqual([
        '数字の更新: 変わった数字 0 件、変わらない数字 32 件',
      ]);
      expect(docCalls(env.calls.snapshot())).toEqual({ 'Documents.get': 1 });
      expect(env.docsDocuments.batches).toEqual([]);
      expect(sheetValues(env, '生成履歴').map((row) => row[2])).toEqual(['形式', 'Google ドキュメント', '更新']);
    });
  });

  it('updates a figure printed in a table cell and in a sentence (two ranges of one name) in both places', () => {
    withFakes(sampleSheets(), (env) => {
      const document = make(env);
      // Staff quote 育成事業's 事業費 in a new sentence; the range of the same name is what the report would have made.
      const paragraph = document.getBody().insertParagraph(3, '育成事業の事業費は 9,966 千円でした。');
      document.addNamedRange(
        'jh:cost:育成事業',
        document.newRange().addElement(paragraph.editAsText(), 10, 14).build(),
      );
      addCost(env);
      const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });
      expect(outcome.kind === 'updated' && outcome.lines.at(-1)).toBe(
        '変更 表「育成事業」の事業費（千円）: 9,966 → 10,966',
      );
      expect(paragraph.getText()).toBe('育成事業の事業費は 10,966 千円でした。');
      expect(document.getBody().getTables()[0].getCell(2, 7).getText()).toBe('10,966');
      expect(figures(document)['jh:cost:育成事業']).toEqual(['10,966', '10,966']);
    });
  });

  it('reports a figure whose text staff deleted (its named range goes with it) and puts nothing back', () => {
    withFakes(sampleSheets(), (env) => {
      const document = make(env);
      const status = paragraphWith(document, STATUS_PARAGRAPH).editAsText();
      const at = status.getText().indexOf('新たに2名') + 3;
      status.deleteText(at, at + 1);
      const before = document.getBody().getText();
      const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });
      expect(outcome.kind === 'updated' && outcome.lines).toEqual([
        '数字の更新: 変わった数字 0 件、変わらない数字 31 件',
        '削除されていた数字（戻していません） 本文【統合事業】7段落目: 作成時 2名、今は 2名',
      ]);
      expect(document.getBody().getText()).toBe(before);
    });
  });

  it('says the Docs advanced service is off, in a sentence, when the script has not enabled it', () => {
    const env = createFakeEnvironment({ sheets: sampleSheets(), advancedDocs: false });
    const uninstall = installFakes(env);
    try {
      const document = make(env);
      addCost(env);
      expect(typeof (globalThis as { Docs?: unknown }).Docs).toBe('undefined');
      expect(updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED })).toEqual({
        kind: 'unavailable',
        message:
          '数字の更新には Google Docs API（Apps Script の拡張サービス「Docs」）が必要ですが、このスクリプトでは有効になっていません。アドオンを入れた人に、スクリプト エディタの「サービス」（公開したアドオンでは Cloud プロジェクト）で Google Docs API を有効にするよう頼んでください。',
      });
      expect(figures(document)['jh:cost:育成事業']).toEqual(['9,966']);
      expect(sheetValues(env, '生成履歴')).toHaveLength(2);
    } finally {
      uninstall();
    }
  });

  it("says the same when the add-on's Cloud project has the Docs API off, and that the Doc is gone when it is", () => {
    withFakes(sampleSheets(), (env) => {
      make(env);
      const fail = (message: string) => {
        (globalThis as { Docs?: unknown }).Docs = {
          Documents: {
            get: () => {
              throw new Error(message);
            },
          },
        };
        const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });
        return outcome.kind === 'unavailable' && outcome.message;
      };
      expect(
        fail(
          'GoogleJsonResponseException: API call to docs.documents.get failed with error: Google Docs API has not been used in project 1234 before or it is disabled.',
        ),
      ).toBe(
        '数字の更新には Google Docs API（Apps Script の拡張サービス「Docs」）が必要ですが、このスクリプトでは有効になっていません。アドオンを入れた人に、スクリプト エディタの「サービス」（公開したアドオンでは Cloud プロジェクト）で Google Docs API を有効にするよう頼んでください。',
      );
      expect(
        fail(
          'GoogleJsonResponseException: API call to docs.documents.get failed with error: Requested entity was not found.',
        ),
      ).toBe('生成履歴の文書を開けませんでした（削除されたか、開く権限がありません）。');
      expect(sheetValues(env, '生成履歴')).toHaveLength(2);
    });
  });

  it('changes nothing and says so when someone edits the Doc between the read and the write', () => {
    withFakes(sampleSheets(), (env) => {
      const document = make(env);
      addCost(env);
      const docs = env.Docs as GoogleAppsScript.Docs;
      const real = docs.Documents;
      // A colleague types at the top of the Doc right after the update read it: every index read is now off by 3.
      const racing = {
        get: (id: string, args: object) => {
          const read = real.get(id, args);
          document.getBody().getParagraphs()[0].editAsText().insertText(0, '【案】');
          return read;
        },
        batchUpdate: real.batchUpdate,
      };
      (globalThis as { Docs?: unknown }).Docs = { Documents: racing };
      const before = document.getBody().getText();
      expect(updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED })).toEqual({
        kind: 'unavailable',
        message:
          '数字を書き込めませんでした（ほかの人が同時に文書を編集していた可能性があります）。文書は変わっていません。もう一度「報告書の数字を更新」を実行してください。',
      });
      // Only the colleague's edit: the batch, built on the indices read before it, was refused whole.
      expect(document.getBody().getText()).toBe(`【案】${before}`);
      expect(figures(document)['jh:cost:育成事業']).toEqual(['9,966']);
      expect(sheetValues(env, '生成履歴')).toHaveLength(2);
    });
  });
});

describe('the two sentences the Docs API brought, in English too', () => {
  it('says the service is off and that a refused write changed nothing', () => {
    expect(docUpdateText('no_docs_service', 'en')).toBe(
      'Updating figures needs the Google Docs API (the advanced service Docs), which this copy of the script has not enabled. Ask whoever installed the add-on to turn on the Google Docs API under Services in the script editor (for a published add-on, in its Cloud project).',
    );
    expect(docUpdateText('write_failed', 'en')).toBe(
      'The figures could not be written (someone may have been editing the document at the same moment). The document was not changed. Run 報告書の数字を更新 again.',
    );
  });
});

describe('choosing the report in 生成履歴', () => {
  const log = (rows: unknown[][]) =>
    rawWorkbook({ 生成履歴: [['日時', '年度', '形式', '文書URL/パス', '警告数', '実行者'], ...rows] });
  const url = (id: string) => `https://docs.google.com/document/d/${id}/edit`;

  it('takes the last 事業報告書 of the year; an 更新 row keeps the kind of the row that made its Doc', () => {
    const runs = reportRuns(
      log([
        ['2026-04-01 09:00', 2022, 'Google ドキュメント', url('doc-aaaaaaaa'), 0, ''],
        ['2026-04-02 09:00', '2022', 'Google ドキュメント（職業紹介事業報告書）', url('doc-bbbbbbbb'), 0, ''],
        ['2026-04-03 09:00', 2021, 'Google ドキュメント', url('doc-cccccccc'), 0, ''],
        ['2026-04-04 09:00', 2022, '更新', url('doc-bbbbbbbb'), 0, ''],
        ['2026-04-05 09:00', 2022, '動作確認', url('doc-dddddddd'), 0, ''],
        ['2026-04-06 09:00', 2022, 'Google ドキュメント', '/tmp/report.docx', 0, ''],
        ['2026-04-07 09:00', '', 'Google ドキュメント', url('doc-eeeeeeee'), 0, ''],
      ]),
    );
    expect(runs).toEqual([
      { row: 2, year: 2022, kind: 'jigyo', documentId: 'doc-aaaaaaaa' },
      { row: 3, year: 2022, kind: 'shokai', documentId: 'doc-bbbbbbbb' },
      { row: 4, year: 2021, kind: 'jigyo', documentId: 'doc-cccccccc' },
      { row: 5, year: 2022, kind: 'shokai', documentId: 'doc-bbbbbbbb' },
    ]);
    expect(chooseRun(runs, 2022)?.documentId).toBe('doc-aaaaaaaa');
    expect(chooseRun(runs, 2021)?.documentId).toBe('doc-cccccccc');
    expect(chooseRun(runs, 2020)).toBeUndefined();
    expect(chooseRun(runs, 2022, 3)?.kind).toBe('shokai');
    expect(chooseRun(runs, 2022, 8)).toBeUndefined();
  });

  it('updates the report on the 生成履歴 row the user selected (menu), and shows the summary', () => {
    withFakes(sampleSheets(), (env) => {
      make(env);
      createReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });
      addCost(env);
      const log = unwrap(fakeSheet(env, '生成履歴'));
      log.getRange(2, 1).activate();
      menuUpdateReport();
      expect(figures(unwrap(env.documents[0]))['jh:cost:育成事業']).toEqual(['10,966']);
      expect(figures(unwrap(env.documents[1]))['jh:cost:育成事業']).toEqual(['9,966']);
      const [dialog] = unwrap(env.ui).dialogs;
      expect(dialog.title).toBe('報告書の数字を更新しました');
      expect(dialog.content).toContain('<li>変更 表「育成事業」の事業費（千円）: 9,966 → 10,966</li>');
      expect(dialog.content).toContain('href="https://docs.google.com/document/d/fake-document-1/edit"');
    });
  });

  it('is the menu item after the two reports, and the sidebar button updates the year on screen', () => {
    const captions = MENU_ITEMS.map((item) => item.caption);
    const at = captions.indexOf('報告書の数字を更新');
    expect(at).toBeGreaterThan(captions.indexOf('職業紹介事業報告を作成'));
    expect(at).toBeLessThan(captions.indexOf('サイドバーを開く'));
    expect(MENU_ITEMS[at].functionName).toBe('menuUpdateReport');
    withFakes(sampleSheets(), (env) => {
      make(env);
      addCost(env);
      const response = updateFromSidebar(2022);
      expect(response.kind === 'updated' && response.lines.at(-1)).toBe(
        '変更 表「育成事業」の事業費（千円）: 9,966 → 10,966',
      );
      expect(updateFromSidebar(2021)).toEqual({
        kind: 'unavailable',
        message: '生成履歴に2021年度の事業報告書がありません。先に「事業報告書を作成」で作成してください。',
      });
    });
  });
});

describe('the figures in Docs JSON and the batch that rewrites them', () => {
  it('takes the jh: ranges of the body, in document order, and skips headers, footers, empty and ID-less ranges', () => {
    const places = figurePlaces({
      namedRanges: {
        'jh:cost:A': {
          name: 'jh:cost:A',
          namedRanges: [
            { namedRangeId: 'kix.2', name: 'jh:cost:A', ranges: [{ startIndex: 90, endIndex: 95 }] },
            {
              namedRangeId: 'kix.1',
              name: 'jh:cost:A',
              ranges: [
                { startIndex: 40, endIndex: 42 },
                { startIndex: 12, endIndex: 15 },
                { startIndex: 3, endIndex: 6, segmentId: 'kix.header1' },
              ],
            },
            {
              namedRangeId: 'kix.3',
              name: 'jh:cost:A',
              ranges: [{ startIndex: 7, endIndex: 9, segmentId: 'kix.fn1' }],
            },
            { namedRangeId: 'kix.4', name: 'jh:cost:A', ranges: [{ startIndex: 20, endIndex: 20 }] },
            { name: 'jh:cost:A', ranges: [{ startIndex: 50, endIndex: 52 }] },
          ],
        },
        'staff bookmark': {
          name: 'staff bookmark',
          namedRanges: [{ namedRangeId: 'kix.5', name: 'staff bookmark', ranges: [{ startIndex: 1, endIndex: 4 }] }],
        },
      },
    });
    expect([...places]).toEqual([
      [
        'cost:A',
        [
          {
            id: 'kix.1',
            name: 'jh:cost:A',
            stretches: [
              { start: 12, end: 15 },
              { start: 40, end: 42 },
            ],
          },
          { id: 'kix.2', name: 'jh:cost:A', stretches: [{ start: 90, end: 95 }] },
        ],
      ],
    ]);
  });

  it('removes the old ranges, edits from the highest index down (insert after, delete), then names the new text', () => {
    const a = { id: 'kix.a', name: 'jh:a', stretches: [{ start: 10, end: 13 }] };
    const b = {
      id: 'kix.b',
      name: 'jh:b',
      stretches: [
        { start: 30, end: 32 },
        { start: 40, end: 41 },
      ],
    };
    const gone = { id: 'kix.c', name: 'jh:c', stretches: [{ start: 50, end: 52 }] };
    expect(
      figureRequests([
        { place: a, value: '1,234' },
        { place: b, value: '7\n名\u0001\ue000' },
        { place: gone, value: '' },
      ]),
    ).toEqual([
      { deleteNamedRange: { namedRangeId: 'kix.a' } },
      { deleteNamedRange: { namedRangeId: 'kix.b' } },
      { deleteNamedRange: { namedRangeId: 'kix.c' } },
      { deleteContentRange: { range: { startIndex: 50, endIndex: 52 } } },
      { deleteContentRange: { range: { startIndex: 40, endIndex: 41 } } },
      // A line break goes in as U+000B; a control character and a private-use one are left out.
      { insertText: { location: { index: 32 }, text: '7\u000b名' } },
      { deleteContentRange: { range: { startIndex: 30, endIndex: 32 } } },
      { insertText: { location: { index: 13 }, text: '1,234' } },
      { deleteContentRange: { range: { startIndex: 10, endIndex: 13 } } },
      // The new ranges last, at their final indices: jh:b's 30 has moved by the 2 characters jh:a grew.
      { createNamedRange: { name: 'jh:a', range: { startIndex: 10, endIndex: 15 } } },
      { createNamedRange: { name: 'jh:b', range: { startIndex: 32, endIndex: 35 } } },
    ]);
  });

  it('reads a figure 100,000 tables deep without recursion, and ignores forged indices', () => {
    withFakes(sampleSheets(), (env) => {
      make(env);
      addCost(env);
      // The innermost cell holds '9,966' at 500..505; every level is a table whose one cell holds the next.
      let content: GoogleAppsScript.Docs.Schema.StructuralElement[] = [
        {
          startIndex: 500,
          endIndex: 506,
          paragraph: { elements: [{ startIndex: 500, textRun: { content: '9,966\n' } }] },
        },
      ];
      for (let depth = 0; depth < 100_000; depth++)
        content = [{ table: { tableRows: [{ tableCells: [{ content }] }] } }];
      const range = (startIndex: unknown, endIndex: unknown) =>
        ({
          namedRangeId: `kix.${String(startIndex)}`,
          name: 'jh:cost:育成事業',
          ranges: [{ startIndex, endIndex }],
        }) as object;
      const batches: unknown[] = [];
      (globalThis as { Docs?: unknown }).Docs = {
        Documents: {
          get: () => ({
            title: 'T',
            revisionId: 'r1',
            body: { content },
            namedRanges: {
              'jh:cost:育成事業': {
                namedRanges: [range(500, 505), range(-7, 'x'), range(1.5, 3), range(12, 3)],
              },
            },
          }),
          batchUpdate: (resource: unknown) => batches.push(resource),
        },
      };
      const started = Date.now();
      const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: UPDATED });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(outcome.kind === 'updated' && outcome.lines).toContain(
        '変更 表「育成事業」の事業費（千円）: 9,966 → 10,966',
      );
      expect(batches).toEqual([
        {
          requests: [
            { deleteNamedRange: { namedRangeId: 'kix.500' } },
            { insertText: { location: { index: 505 }, text: '10,966' } },
            { deleteContentRange: { range: { startIndex: 500, endIndex: 505 } } },
            { createNamedRange: { name: 'jh:cost:育成事業', range: { startIndex: 500, endIndex: 506 } } },
          ],
          writeControl: { requiredRevisionId: 'r1' },
        },
      ]);
    });
  });

  it('touches neither of two places whose text overlaps, and still rewrites the others', () => {
    const a = { id: 'kix.a', name: 'jh:a', stretches: [{ start: 10, end: 14 }] };
    const b = { id: 'kix.b', name: 'jh:b', stretches: [{ start: 13, end: 16 }] };
    const c = { id: 'kix.c', name: 'jh:c', stretches: [{ start: 16, end: 18 }] };
    expect(
      figureRequests([
        { place: a, value: '1' },
        { place: b, value: '2' },
        { place: c, value: '3' },
      ]),
    ).toEqual([
      { deleteNamedRange: { namedRangeId: 'kix.c' } },
      { insertText: { location: { index: 18 }, text: '3' } },
      { deleteContentRange: { range: { startIndex: 16, endIndex: 18 } } },
      { createNamedRange: { name: 'jh:c', range: { startIndex: 16, endIndex: 17 } } },
    ]);
  });
});

describe('the Docs advanced service fake', () => {
  /** A Doc of: 'ab', a 2×2 table ('x', 'yz' / '', 'w'), 'cd' — laid out by hand below. */
  function smallDoc(env: FakeEnvironment): FakeDocument {
    const document = unwrap(env.DocumentApp.create('小さな文書')) as unknown as FakeDocument;
    const body = document.getBody();
    body.getParagraphs()[0].setText('ab');
    body.appendTable([
      ['x', 'yz'],
      ['', 'w'],
    ]);
    // Apps Script puts an empty paragraph after a table that ends the body: it becomes 'cd'.
    body.getParagraphs().at(-1)?.setText('cd');
    return document;
  }
  const docs = (env: FakeEnvironment) => (env.Docs as GoogleAppsScript.Docs).Documents;
  const run = (start: number, content: string) => ({
    startIndex: start,
    endIndex: start + content.length,
    textRun: { content, textStyle: {} },
  });

  it('indexes paragraphs and tables as the API does (1 before a table, 1 per row and cell, 1 after), masked', () => {
    withFakes({}, (env) => {
      const document = smallDoc(env);
      const yz = document.getBody().getTables()[0].getCell(0, 1).getChild(0).asParagraph().editAsText();
      document.addNamedRange('jh:x', document.newRange().addElement(yz, 1, 1).build());
      const read = docs(env).get('fake-document-1', { fields: FIGURE_FIELDS });
      // 0 section break | 1 'ab⏎' | 4 table: 5 row, 6 cell, 7 'x⏎', 9 cell, 10 'yz⏎' | 13 row, 14 cell, 15 '⏎', 16 cell,
      // 17 'w⏎' | 19 table end | 20 'cd⏎' | 23 end.
      const cell = (start: number, text: string) => ({
        content: [
          {
            startIndex: start + 1,
            endIndex: start + 2 + text.length,
            paragraph: { elements: [run(start + 1, `${text}\n`)] },
          },
        ],
      });
      expect(read).toEqual({
        title: '小さな文書',
        revisionId: expect.stringMatching(/^fake-revision-/),
        namedRanges: {
          'jh:x': {
            name: 'jh:x',
            namedRanges: [{ namedRangeId: 'kix.fake1', name: 'jh:x', ranges: [{ startIndex: 11, endIndex: 12 }] }],
          },
        },
        body: {
          content: [
            { endIndex: 1 },
            {
              startIndex: 1,
              endIndex: 4,
              paragraph: { elements: [{ startIndex: 1, endIndex: 4, textRun: { content: 'ab\n' } }] },
            },
            {
              startIndex: 4,
              endIndex: 20,
              table: {
                tableRows: [
                  { tableCells: [cell(6, 'x'), cell(9, 'yz')] },
                  { tableCells: [cell(14, ''), cell(16, 'w')] },
                ],
              },
            },
            {
              startIndex: 20,
              endIndex: 23,
              paragraph: { elements: [{ startIndex: 20, endIndex: 23, textRun: { content: 'cd\n' } }] },
            },
          ],
        },
      });
    });
  });

  it('moves a named range on an insert before it, keeps it on one right after it, shrinks it, and drops it', () => {
    withFakes({}, (env) => {
      const document = smallDoc(env);
      const cd = document.getBody().getParagraphs().at(-1) as FakeParagraph;
      document.addNamedRange('jh:c', document.newRange().addElement(cd.editAsText(), 0, 1).build());
      const ranges = () =>
        docs(env).get('fake-document-1', { fields: 'namedRanges' }).namedRanges as Record<
          string,
          GoogleAppsScript.Docs.Schema.NamedRanges
        >;
      const update = (requests: object[]) => docs(env).batchUpdate({ requests }, 'fake-document-1');
      update([{ insertText: { location: { index: 20 }, text: '「' } }]);
      expect(cd.getText()).toBe('「cd');
      update([{ insertText: { location: { index: 23 }, text: '」' } }]);
      expect(cd.getText()).toBe('「cd」');
      expect(figures(document)['jh:c']).toEqual(['cd']);
      expect(ranges()?.['jh:c']?.namedRanges?.[0].ranges).toEqual([{ startIndex: 21, endIndex: 23 }]);
      update([{ deleteContentRange: { range: { startIndex: 21, endIndex: 22 } } }]);
      expect(figures(document)['jh:c']).toEqual(['d']);
      update([{ deleteContentRange: { range: { startIndex: 21, endIndex: 22 } } }]);
      expect(cd.getText()).toBe('「」');
      expect(ranges()).toEqual({});
    });
  });

  it('rewrites two figures side by side, each named range over its own new text, the bold one still bold', () => {
    withFakes({}, (env) => {
      const document = smallDoc(env);
      const ab = document.getBody().getParagraphs()[0];
      ab.setText('計AB12円');
      ab.editAsText().setBold(3, 4, true);
      document.addNamedRange('jh:p', document.newRange().addElement(ab.editAsText(), 1, 2).build());
      document.addNamedRange('jh:q', document.newRange().addElement(ab.editAsText(), 3, 4).build());
      const places = figurePlaces(docs(env).get('fake-document-1', { fields: FIGURE_FIELDS }));
      const requests = figureRequests([
        { place: places.get('p')?.[0] as FigurePlace, value: 'XYZ' },
        { place: places.get('q')?.[0] as FigurePlace, value: '7' },
      ]);
      docs(env).batchUpdate({ requests }, 'fake-document-1');
      expect(ab.getText()).toBe('計XYZ7円');
      expect([figures(document)['jh:p'], figures(document)['jh:q']]).toEqual([['XYZ'], ['7']]);
      expect([3, 4, 5].map((offset) => ab.editAsText().isBold(offset))).toEqual([null, true, null]);
    });
  });

  it('fails a whole batch on an invalid request (out of range, overlapping, unknown ID) and applies nothing', () => {
    withFakes({}, (env) => {
      const document = smallDoc(env);
      const ab = document.getBody().getParagraphs()[0];
      document.addNamedRange('jh:a', document.newRange().addElement(ab.editAsText(), 0, 1).build());
      const before = JSON.stringify(docs(env).get('fake-document-1'));
      const update = (requests: object[]) => () => docs(env).batchUpdate({ requests }, 'fake-document-1');
      const first = { insertText: { location: { index: 1 }, text: 'Z' } };
      expect(update([first, { insertText: { location: { index: 24 }, text: 'Z' } }])).toThrow(
        'API call to docs.documents.batchUpdate failed with error: Invalid requests[1].insertText: Index 24 must be less than the end index of the referenced segment, 24.',
      );
      // The first request deleted 'ab'; the second still names the old 'a' (now past the paragraph's text).
      expect(
        update([
          { deleteNamedRange: { namedRangeId: 'kix.fake1' } },
          { deleteContentRange: { range: { startIndex: 1, endIndex: 3 } } },
          { deleteContentRange: { range: { startIndex: 2, endIndex: 3 } } },
        ]),
      ).toThrow('The Docs fake edits and names text inside one paragraph only.');
      expect(update([first, { deleteNamedRange: { namedRangeId: 'kix.nope' } }])).toThrow(
        'Invalid requests[1].deleteNamedRange: The named range kix.nope does not exist.',
      );
      expect(update([first, { deleteContentRange: { range: { startIndex: 5, endIndex: 5 } } }])).toThrow(
        'Invalid requests[1].deleteContentRange: The range should not be empty.',
      );
      expect(update([{ insertText: { location: { index: 4 }, text: 'Z' } }])).toThrow(
        'Invalid requests[0].insertText: The insertion index must be inside the bounds of an existing paragraph.',
      );
      expect(() =>
        docs(env).batchUpdate({ requests: [first], writeControl: { requiredRevisionId: 'old' } }, 'fake-document-1'),
      ).toThrow('The required revision ID old does not match the latest revision.');
      expect(JSON.stringify(docs(env).get('fake-document-1'))).toBe(before);
      expect(figures(document)['jh:a']).toEqual(['ab']);
      expect(() => docs(env).get('no-such-doc')).toThrow(
        'API call to docs.documents.get failed with error: Requested entity was not found.',
      );
    });
  });
});
