// This file tests the in-memory Apps Script fakes that the adapter and bundle tests run on.
import vm from 'node:vm';
import {
  createFakeEnvironment,
  documentBlocks,
  effectiveAttribute,
  type FakeBody,
  type FakeCache,
  type FakeDocument,
  type FakeDocumentApp,
  type FakeDocumentNamedRange,
  type FakeDocumentRange,
  type FakeEnvironment,
  type FakeHtmlOutput,
  type FakeLock,
  type FakeMenu,
  type FakeParagraph,
  type FakeProperties,
  type FakeRange,
  type FakeRangeBuilder,
  type FakeRangeElement,
  type FakeSheet,
  type FakeSpreadsheet,
  type FakeSpreadsheetApp,
  type FakeTable,
  type FakeTableCell,
  type FakeTableRow,
  type FakeText,
  type FakeUi,
  fakeSheet,
  installFakes,
  sheetValues,
} from '../fakes';

const costs = (): unknown[][] => [
  ['日付', '事業内容', '金額', '承認'],
  [new Date(2022, 3, 1), '育成事業', 12000, true],
  [new Date(2022, 4, 15), '交流事業', -500, false],
  ['#N/A', '', 0.5, ''],
];

const newEnv = (): FakeEnvironment => createFakeEnvironment({ sheets: { 費用: costs() } });

describe('fakes', () => {
  describe('Range values', () => {
    it('returns the stored grid with Date objects and blanks as empty strings', () => {
      const env = newEnv();
      const values = env.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('費用')?.getDataRange().getValues();
      expect(values).toEqual(costs());
      expect(values?.[1][0]).toBeInstanceOf(Date);
      expect(values?.[3][3]).toBe('');
    });

    it('returns copies: changing the result leaves the sheet as it was', () => {
      const env = newEnv();
      const values = env.SpreadsheetApp.getActive().getRange('費用!A1:D4').getValues();
      values[1][1] = '変更';
      (values[1][0] as Date).setFullYear(1999);
      values.pop();
      expect(sheetValues(env, '費用')).toEqual(costs());
    });

    it('formats display values: plain numbers, local yyyy/MM/dd dates, TRUE/FALSE, error values as stored', () => {
      const env = newEnv();
      const display = fakeSheet(env, '費用').getRange(2, 1, 3, 4).getDisplayValues();
      expect(display).toEqual([
        ['2022/04/01', '育成事業', '12000', 'TRUE'],
        ['2022/05/15', '交流事業', '-500', 'FALSE'],
        ['#N/A', '', '0.5', ''],
      ]);
      fakeSheet(env, '費用').getRange('C2').setNumberFormat('#,##0');
      expect(fakeSheet(env, '費用').getRange('C2').getDisplayValue()).toBe('12,000');
    });

    it('throws like Apps Script when setValues does not match the range size', () => {
      const range = fakeSheet(newEnv(), '費用').getRange('A1:B2');
      expect(() => range.setValues([[1, 2]])).toThrow(
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      );
      expect(() =>
        range.setValues([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ).toThrow(
        'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
      );
    });

    it('stores writes, grows the grid, and trims it back to the last non-empty cell', () => {
      const env = newEnv();
      const sheet = fakeSheet(env, '費用');
      sheet.appendRow([new Date(2022, 5, 1), '育成事業', 800]);
      sheet.getRange(7, 6).setValue('メモ');
      expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getMaxRows()]).toEqual([7, 6, 1000]);
      sheet.getRange('F7').clearContent();
      expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 4]);
      expect(sheetValues(env, '費用')[4]).toEqual([new Date(2022, 5, 1), '育成事業', 800, '']);
    });

    it('keeps formulas apart from the value a test sets for them', () => {
      const sheet = fakeSheet(newEnv(), '費用');
      sheet.getRange('E2').setFormula('=C2*2');
      expect(sheet.getRange('E2').getValue()).toBe('');
      sheet.setComputedValue(2, 5, 24000);
      expect(sheet.getRange('E2:E3').getFormulas()).toEqual([['=C2*2'], ['']]);
      expect(sheet.getRange('E2').getValue()).toBe(24000);
      sheet.getRange('E2').setValue(5);
      expect(sheet.getRange('E2').getFormula()).toBe('');
    });
  });

  describe('Sheet dimensions', () => {
    it('has fixed dimensions: a range or a column past them throws as a real sheet does', () => {
      const sheet = fakeSheet(newEnv(), '費用');
      expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
      expect(() => sheet.getRange(1, 26, 1, 2)).toThrow(
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
      expect(() => sheet.getRange(1001, 1)).toThrow(
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
      expect(() => sheet.getRange('AA1')).toThrow(
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
      expect(() => sheet.setColumnWidth(27, 100)).toThrow('Those columns are out of bounds.');
      expect(() => sheet.setColumnWidths(25, 3, 100)).toThrow('Those columns are out of bounds.');
      expect(() => sheet.getColumnWidth(27)).toThrow('Those columns are out of bounds.');
      expect(() => sheet.insertColumnsAfter(27, 1)).toThrow('Those columns are out of bounds.');
      // Writing inside the sheet never grows it; only inserting does.
      sheet.getRange(1, 26).setValue('備考');
      expect(sheet.getMaxColumns()).toBe(26);
      sheet.insertColumnsAfter(26, 2);
      expect(sheet.getMaxColumns()).toBe(28);
      sheet.getRange(1, 27, 1, 2).setValues([['A', 'B']]);
      sheet.setColumnWidth(28, 150);
      expect([sheet.getColumnWidth(28), sheet.getRange('AB1').getValue()]).toEqual([150, 'B']);
    });

    it('inserts rows after a row, moving what follows, and appendRow adds a row to a full sheet', () => {
      const sheet = fakeSheet(newEnv(), '費用');
      sheet.insertRowsAfter(1, 2);
      expect(sheet.getMaxRows()).toBe(1002);
      expect(sheet.getRange('B4').getValue()).toBe('育成事業');
      expect(sheet.getRange('B2').getValue()).toBe('');
      expect(() => sheet.insertRowsAfter(1003, 1)).toThrow('Those rows are out of bounds.');
      const full = fakeSheet(
        createFakeEnvironment({ sheets: { 表: [['a'], ...Array.from({ length: 999 }, () => ['x'])] } }),
        '表',
      );
      expect(full.getMaxRows()).toBe(1000);
      full.appendRow(['y']);
      expect([full.getMaxRows(), full.getLastRow(), full.getRange('A1001').getValue()]).toEqual([1001, 1001, 'y']);
    });
  });

  describe('custom-function mode', () => {
    it('lets a custom function read the spreadsheet and use Cache, Properties, Lock, Utilities and HtmlService', () => {
      const env = newEnv();
      const read = env.asCustomFunction(() => {
        const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
        env.CacheService.getScriptCache().put('k', 'v');
        env.PropertiesService.getDocumentProperties().setProperty('k', 'v');
        env.LockService.getScriptLock().tryLock(10);
        env.HtmlService.createHtmlOutput('<p>x</p>');
        const zone = env.Utilities.formatDate(new Date(Date.UTC(2022, 0, 1)), 'Asia/Tokyo', 'yyyy');
        return [spreadsheet.getSpreadsheetTimeZone(), spreadsheet.getSheets().length, zone];
      });
      expect(read).toEqual(['Asia/Tokyo', 1, '2022']);
    });

    it('refuses Session, DocumentApp, Logger, ScriptApp, the Ui and every Spreadsheet write, then ends', () => {
      const env = newEnv();
      const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
      const sheet = fakeSheet(env, '費用');
      const refused: [() => unknown, string][] = [
        [() => env.Session.getScriptTimeZone(), 'You do not have permission to call Session.getScriptTimeZone'],
        [
          () => env.Session.getTemporaryActiveUserKey(),
          'You do not have permission to call Session.getTemporaryActiveUserKey',
        ],
        [() => env.DocumentApp.create('x'), 'You do not have permission to call DocumentApp.create'],
        [() => env.Logger.log('x'), 'You do not have permission to call Logger.log'],
        [() => env.ScriptApp.getScriptId(), 'You do not have permission to call ScriptApp.getScriptId'],
        [() => env.SpreadsheetApp.getUi(), 'Cannot call SpreadsheetApp.getUi() from this context.'],
        [() => env.SpreadsheetApp.flush(), 'You do not have permission to call SpreadsheetApp.flush'],
        [
          () => env.SpreadsheetApp.newDataValidation(),
          'You do not have permission to call SpreadsheetApp.newDataValidation',
        ],
        [() => sheet.getRange('A1').setValue(1), 'You do not have permission to call Range.setValue'],
        [() => sheet.appendRow([1]), 'You do not have permission to call Sheet.appendRow'],
        [() => sheet.insertColumnsAfter(1, 1), 'You do not have permission to call Sheet.insertColumnsAfter'],
        [() => spreadsheet.insertSheet('x'), 'You do not have permission to call Spreadsheet.insertSheet'],
        [() => spreadsheet.toast('x'), 'You do not have permission to call Spreadsheet.toast'],
        [() => sheet.activate(), 'You do not have permission to call Sheet.activate'],
      ];
      for (const [call, message] of refused) expect(() => env.asCustomFunction(call)).toThrow(message);
      expect(sheetValues(env, '費用')).toEqual(costs());
      expect(env.documents).toHaveLength(0);
      // Outside the mode, the same calls work again.
      expect(env.Session.getScriptTimeZone()).toBe('Asia/Tokyo');
      expect(env.asCustomFunction(() => 1)).toBe(1);
      expect(() =>
        env.asCustomFunction(() => {
          throw new Error('inner');
        }),
      ).toThrow('inner');
      sheet.getRange('A1').setValue('日付');
    });
  });

  describe('Spreadsheet', () => {
    it('finds ranges by sheet-qualified A1 notation and by name', () => {
      const env = newEnv();
      const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
      expect(spreadsheet.getRange('費用!B3').getValue()).toBe('交流事業');
      expect(spreadsheet.getRange("'費用'!C2:C3").getA1Notation()).toBe('C2:C3');
      spreadsheet.setNamedRange('総額', spreadsheet.getRange('費用!C2'));
      expect(spreadsheet.getRangeByName('総額')?.getValue()).toBe(12000);
      expect(spreadsheet.getNamedRanges().map((named) => named.getName())).toEqual(['総額']);
      expect(spreadsheet.getRangeByName('なし')).toBeNull();
    });

    it('inserts sheets at an index, activates them and refuses a duplicate name', () => {
      const spreadsheet = newEnv().spreadsheet;
      const settings = spreadsheet.insertSheet('設定', 0);
      expect(spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(['設定', '費用']);
      expect(spreadsheet.getActiveSheet()).toBe(settings);
      expect([settings.getMaxRows(), settings.getMaxColumns(), settings.getLastRow()]).toEqual([1000, 26, 0]);
      expect(() => spreadsheet.insertSheet('費用')).toThrow('A sheet with the name "費用" already exists.');
    });

    it('keeps data validation rules as the builder made them', () => {
      const env = newEnv();
      const rule = env.SpreadsheetApp.newDataValidation()
        .requireValueInList(['人件費', 'その他経費'], true)
        .setAllowInvalid(false)
        .build();
      env.SpreadsheetApp.getActive().getRange('費用!B2:B3').setDataValidation(rule);
      const stored = env.SpreadsheetApp.getActive().getRange('費用!B3').getDataValidation();
      expect(stored?.getCriteriaType()).toBe('VALUE_IN_LIST');
      expect(stored?.getCriteriaValues()).toEqual([['人件費', 'その他経費'], true]);
      expect(stored?.getAllowInvalid()).toBe(false);
    });
  });

  describe('Ui', () => {
    it('records the add-on menu built by code that uses the installed globals', () => {
      const env = newEnv();
      const uninstall = installFakes(env);
      SpreadsheetApp.getUi()
        .createAddonMenu()
        .addItem('シートを準備', 'prepareSheets')
        .addSeparator()
        .addItem('ヘルプ', 'showHelp')
        .addToUi();
      uninstall();
      expect(env.ui.menus).toEqual([
        {
          caption: null,
          addOn: true,
          entries: [
            { kind: 'item', caption: 'シートを準備', functionName: 'prepareSheets' },
            { kind: 'separator' },
            { kind: 'item', caption: 'ヘルプ', functionName: 'showHelp' },
          ],
        },
      ]);
      expect('SpreadsheetApp' in globalThis).toBe(false);
    });

    it('shows sidebars from project HTML files and answers alerts', () => {
      const env = createFakeEnvironment({ htmlFiles: { sidebar: '<p>サイドバー</p>' } });
      const output = env.HtmlService.createHtmlOutputFromFile('sidebar').setTitle('事業報告書');
      env.SpreadsheetApp.getUi().showSidebar(output);
      expect(env.ui.dialogs).toEqual([
        {
          kind: 'sidebar',
          title: '事業報告書',
          content: '<p>サイドバー</p>',
          metaTags: [],
          width: undefined,
          height: undefined,
        },
      ]);
      expect(() => env.HtmlService.createHtmlOutputFromFile('missing')).toThrow(
        'No HTML file named missing was found.',
      );
      const ui = env.SpreadsheetApp.getUi();
      expect(ui.alert('完了しました')).toBe(ui.Button.OK);
      env.ui.alertAnswers.push('NO');
      expect(ui.alert('確認', '作成しますか？', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
      expect(env.ui.alerts[1]).toEqual({ kind: 'alert', title: '確認', prompt: '作成しますか？', buttons: 'YES_NO' });
    });
  });

  describe('Document', () => {
    it('starts a new body with exactly one empty paragraph that cannot be removed', () => {
      const { DocumentApp } = createFakeEnvironment();
      const body = DocumentApp.create('報告書').getBody();
      expect(body.getNumChildren()).toBe(1);
      expect(body.getChild(0).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
      expect(body.getText()).toBe('');
      expect(() => body.getChild(0).removeFromParent()).toThrow(
        "Can't remove the last paragraph in a document section.",
      );
    });

    it('builds a whole table from string[][] and keeps a paragraph after it', () => {
      const env = createFakeEnvironment();
      const document = env.DocumentApp.create('報告書');
      const body = document.getBody();
      body.appendParagraph('２．事業の実施に関する事項').setHeading(env.DocumentApp.ParagraphHeading.HEADING1);
      const table = body.appendTable([
        ['事業名', '事業費（千円）'],
        ['育成事業', '6,408'],
      ]);
      table.getRow(0).getCell(1).setBackgroundColor('#eeeeee');
      expect([table.getNumRows(), table.getRow(1).getNumCells()]).toEqual([2, 2]);
      expect(table.getRow(1).getCell(0).getText()).toBe('育成事業');
      expect(table.getRow(0).getCell(1).getBackgroundColor()).toBe('#eeeeee');
      expect(body.getText()).toBe('\n２．事業の実施に関する事項\n事業名\n事業費（千円）\n育成事業\n6,408\n');
      expect(documentBlocks(env.documents[0])).toEqual([
        { type: 'PARAGRAPH', text: '', heading: 'NORMAL', attributes: {} },
        { type: 'PARAGRAPH', text: '２．事業の実施に関する事項', heading: 'HEADING1', attributes: {} },
        {
          type: 'TABLE',
          rows: [
            ['事業名', '事業費（千円）'],
            ['育成事業', '6,408'],
          ],
          attributes: {},
        },
        { type: 'PARAGRAPH', text: '', heading: 'NORMAL', attributes: {} },
      ]);
      body.appendPageBreak();
      expect(documentBlocks(env.documents[0]).slice(-2)).toEqual([
        { type: 'PARAGRAPH', text: '', heading: 'NORMAL', attributes: {} },
        { type: 'PAGE_BREAK' },
      ]);
      body.getChild(0).removeFromParent();
      expect(body.getNumChildren()).toBe(4);
      expect(document.getUrl()).toBe(`https://docs.google.com/document/d/${document.getId()}/edit`);
    });

    it("styles a table cell's text through editAsText of its row, never through setAttributes of the cell", () => {
      const env = createFakeEnvironment();
      const table = env.DocumentApp.create('報告書')
        .getBody()
        .appendTable([
          ['事業', '金額'],
          ['育成', '1'],
        ]);
      const cell = table.getCell(0, 0);
      cell.setAttributes({ BOLD: true, BACKGROUND_COLOR: '#e8e8e8' } as never);
      const paragraph = cell.getChild(0).asParagraph();
      expect(effectiveAttribute(paragraph as never, 'BOLD')).toBeNull();
      expect(effectiveAttribute(paragraph as never, 'BACKGROUND_COLOR')).toBe('#e8e8e8');
      expect(effectiveAttribute(cell as never, 'BOLD')).toBe(true);
      table.getRow(0).editAsText().setBold(true);
      expect(effectiveAttribute(table.getCell(0, 1).getChild(0) as never, 'BOLD')).toBe(true);
      expect(effectiveAttribute(table.getCell(1, 0).getChild(0) as never, 'BOLD')).toBeNull();
      expect(table.getRow(0).editAsText().isBold()).toBe(true);
    });

    it('styles the text appendText returns without styling the rest of the paragraph', () => {
      const env = createFakeEnvironment();
      const body = env.DocumentApp.create('報告書').getBody();
      body.editAsText().setFontFamily('Noto Serif JP');
      const paragraph = body.appendParagraph('事業費 ');
      paragraph.appendText('22,393').setBold(true);
      expect(paragraph.getText()).toBe('事業費 22,393');
      expect([paragraph.editAsText().isBold(0), paragraph.editAsText().isBold(4)]).toEqual([null, true]);
      const fakeParagraph = env.documents[0].getBody().getParagraphs()[1];
      expect(effectiveAttribute(fakeParagraph, 'FONT_FAMILY')).toBe('Noto Serif JP');
    });
  });

  describe('Document named ranges', () => {
    /** A document whose second paragraph is 「就職者数は 12 名でした。」 with a named range over 「12」 (offsets 6–7). */
    function withFigure() {
      const env = createFakeEnvironment();
      const document = env.DocumentApp.create('報告書');
      const paragraph = document.getBody().appendParagraph('就職者数は 12 名でした。');
      const text = paragraph.getChild(0).asText();
      document.addNamedRange('jh:m:就職者数', document.newRange().addElement(text, 6, 7).build());
      const figure = () =>
        document.getNamedRanges('jh:m:就職者数').map((range) =>
          range
            .getRange()
            .getRangeElements()
            .map((element) => {
              const whole = element.getElement().asText().getText();
              return whole.slice(element.getStartOffset(), element.getEndOffsetInclusive() + 1);
            })
            .join('|'),
        );
      return { env, document, paragraph, text, figure };
    }

    it('keeps a named range over its text while text is typed before it, after it and in other paragraphs', () => {
      const { document, paragraph, text, figure } = withFigure();
      expect(figure()).toEqual(['12']);
      text.insertText(0, '本年度の');
      text.insertText(text.getText().length, '（前年 8 名）');
      document.getBody().insertParagraph(1, '新しい段落');
      expect(paragraph.getText()).toBe('本年度の就職者数は 12 名でした。（前年 8 名）');
      expect(figure()).toEqual(['12']);
      const [element] = document.getNamedRanges()[0].getRange().getRangeElements();
      expect([element.getStartOffset(), element.getEndOffsetInclusive(), element.isPartial()]).toEqual([10, 11, true]);
      const whole = document.getBody().appendParagraph('6,408').getChild(0).asText();
      const [all] = document.newRange().addElement(whole, 0, 4).build().getRangeElements();
      expect([all.getStartOffset(), all.getEndOffsetInclusive(), all.isPartial()]).toEqual([-1, -1, false]);
    });

    it('moves a range when text goes right before it and leaves it when text goes right after it', () => {
      const { text, figure } = withFigure();
      text.insertText(6, '約');
      text.insertText(9, '人');
      expect(text.getText()).toBe('就職者数は 約12人 名でした。');
      expect(figure()).toEqual(['12']);
    });

    it('grows a range when text is typed inside it and shrinks it when part of its text is deleted', () => {
      const { text, figure } = withFigure();
      text.insertText(7, '0');
      expect(figure()).toEqual(['102']);
      text.deleteText(5, 6);
      expect(text.getText()).toBe('就職者数は02 名でした。');
      expect(figure()).toEqual(['02']);
    });

    it('drops the named range when all of its text is deleted, its paragraph is rewritten or removed', () => {
      const deleted = withFigure();
      deleted.text.deleteText(6, 7);
      expect(deleted.document.getNamedRanges()).toEqual([]);
      const rewritten = withFigure();
      rewritten.paragraph.setText('就職者数は 12 名でした。');
      expect(rewritten.document.getNamedRanges()).toEqual([]);
      const removed = withFigure();
      removed.document.getBody().appendParagraph('最後の段落');
      removed.paragraph.removeFromParent();
      expect(removed.document.getNamedRanges('jh:m:就職者数')).toEqual([]);
      const kept = withFigure();
      kept.document.getNamedRanges()[0].remove();
      expect([kept.document.getNamedRanges(), kept.text.getText()]).toEqual([[], '就職者数は 12 名でした。']);
    });

    it('gives inserted text the style of the character before it, so a figure typed over keeps its bold', () => {
      const { text } = withFigure();
      text.setBold(6, 7, true);
      text.insertText(8, '34');
      text.deleteText(6, 7);
      expect(text.getText()).toBe('就職者数は 34 名でした。');
      expect([5, 6, 7, 8].map((offset) => text.isBold(offset))).toEqual([null, true, true, null]);
      text.insertText(0, '★');
      expect([0, 7, 8].map((offset) => text.isBold(offset))).toEqual([null, true, true]);
    });

    it('keeps two ranges of one name apart, refuses names Docs refuses and offsets outside the text', () => {
      const { document, text, env } = withFigure();
      document.addNamedRange('jh:m:就職者数', document.newRange().addElement(text, 0, 3).build());
      expect(document.getNamedRanges('jh:m:就職者数').map((range) => range.getId())).toEqual([
        'kix.fake1',
        'kix.fake2',
      ]);
      expect(document.getNamedRangeById('kix.fake2')?.getName()).toBe('jh:m:就職者数');
      expect(() => document.addNamedRange('', document.newRange().addElement(text).build())).toThrow(
        'Invalid argument: name must be 1 to 256 characters.',
      );
      expect(() => document.addNamedRange('x'.repeat(257), document.newRange().build())).toThrow(
        'Invalid argument: name must be 1 to 256 characters.',
      );
      expect(() => document.newRange().addElement(text, 3, 99)).toThrow(
        'Invalid offsets (3, 99) for a text of length 14.',
      );
      expect(() => text.insertText(15, 'x')).toThrow(
        'Index (15) must be less than or equal to the content length (14).',
      );
      expect(() => text.deleteText(4, 3)).toThrow('Invalid offsets (4, 3) for a text of length 14.');
      expect(env.calls.byService('Document')).toBe(env.calls.total());
      expect(env.calls.count('DocumentNamedRange.getId')).toBe(2);
    });
  });

  describe('LockService', () => {
    it('reports a busy lock when another execution holds it', () => {
      const env = newEnv();
      env.locks.holdElsewhere('document');
      const lock = env.LockService.getDocumentLock();
      expect(lock.tryLock(1000)).toBe(false);
      expect(() => lock.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
      env.locks.releaseElsewhere('document');
      expect(lock.tryLock(1000)).toBe(true);
      expect(env.LockService.getDocumentLock().hasLock()).toBe(true);
      lock.releaseLock();
      expect(lock.hasLock()).toBe(false);
    });
  });

  describe('CacheService and PropertiesService', () => {
    it('enforce the value and key limits', () => {
      const env = newEnv();
      const cache = env.CacheService.getScriptCache();
      cache.put('metrics', 'あ'.repeat(34_000));
      expect(cache.get('metrics')).toHaveLength(34_000);
      expect(() => cache.put('big', 'あ'.repeat(35_000))).toThrow('Argument too large: value');
      expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
      const properties = env.PropertiesService.getDocumentProperties();
      properties.setProperty('year', '2022');
      expect(() => properties.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
      expect(properties.getProperties()).toEqual({ year: '2022' });
    });
  });

  describe('Utilities and Session', () => {
    it('formats dates in the given time zone', () => {
      const env = newEnv();
      const instant = new Date(Date.UTC(2023, 2, 31, 15, 5, 9));
      expect(env.Utilities.formatDate(instant, 'Asia/Tokyo', 'yyyy/MM/dd HH:mm')).toBe('2023/04/01 00:05');
      expect(env.Utilities.formatDate(instant, 'UTC', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2023-03-31T15:05:09');
      expect(env.Session.getActiveUser().getEmail()).toBe('staff@example.org');
      expect(env.Session.getScriptTimeZone()).toBe('Asia/Tokyo');
    });
  });

  describe('calls', () => {
    it('counts one getValues on a 10,000-row tab as one call', () => {
      const rows = [['候補者ID'], ...Array.from({ length: 9_999 }, (_, i) => [`C${i}`])];
      const env = createFakeEnvironment({ sheets: { 候補者: rows } });
      const values = env.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('候補者')?.getDataRange().getValues();
      expect(values).toHaveLength(10_000);
      expect(env.calls.snapshot()).toEqual({
        'SpreadsheetApp.getActiveSpreadsheet': 1,
        'Spreadsheet.getSheetByName': 1,
        'Sheet.getDataRange': 1,
        'Range.getValues': 1,
      });
    });

    it('counts service calls, not the fakes calling each other, and groups them by service', () => {
      const env = newEnv();
      env.SpreadsheetApp.getActive().getRange('費用!A1').getValue();
      const cell = env.DocumentApp.create('報告書')
        .getBody()
        .appendTable([['a']])
        .getRow(0)
        .getCell(0);
      cell.setBackgroundColor('#ffffff');
      env.Logger.log('done');
      expect(env.calls.count('Spreadsheet.getRange')).toBe(1);
      expect(env.calls.count('Sheet.getRange')).toBe(0);
      expect(env.calls.count('TableCell.setBackgroundColor')).toBe(1);
      expect([env.calls.byService('Spreadsheet'), env.calls.byService('Document'), env.calls.total()]).toEqual([
        3, 6, 10,
      ]);
      expect(env.logLines).toEqual(['done']);
      env.calls.reset();
      expect(env.calls.total()).toBe(0);
    });
  });

  describe('installFakes in a vm context', () => {
    it('hands the code Dates and Errors of its own realm, and nothing of Node', () => {
      const env = newEnv();
      env.locks.holdElsewhere('document');
      const context = vm.createContext({});
      installFakes(env, context, vm.runInContext('({ Date, Error })', context));
      const result = vm.runInContext(
        `const value = SpreadsheetApp.getActive().getRange('費用!A2').getValue();
         let caught;
         try { LockService.getDocumentLock().waitLock(10); } catch (error) { caught = error; }
         [value instanceof Date, caught instanceof Error, caught.message, typeof require]`,
        context,
      );
      expect(result).toEqual([
        true,
        true,
        'Lock timeout: another process was holding the lock for too long.',
        'undefined',
      ]);
    });
  });
});

/** Compile-time check (run by tsc): every method a fake defines exists under that name in @types/google-apps-script. */
type MethodNames<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T];
type UnknownMethods<Fake, Real> = Exclude<MethodNames<Fake>, keyof Real | 'toString' | 'setComputedValue'>;
type NotInBody = 'getNextSibling' | 'getPreviousSibling' | 'removeFromParent';
type None<T extends never> = T;
/** The fake's own plumbing behind named ranges (product code never reaches it: it is not in the API). */
type FakeOnly = 'anchor' | 'splice';
// biome-ignore lint/correctness/noUnusedVariables: tsc checks it; nothing uses it at runtime
type FakeMethodsExistInApi = [
  None<UnknownMethods<FakeSpreadsheetApp, GoogleAppsScript.Spreadsheet.SpreadsheetApp>>,
  None<UnknownMethods<FakeSpreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>>,
  None<UnknownMethods<FakeSheet, GoogleAppsScript.Spreadsheet.Sheet>>,
  None<UnknownMethods<FakeRange, GoogleAppsScript.Spreadsheet.Range>>,
  None<UnknownMethods<FakeUi, GoogleAppsScript.Base.Ui>>,
  None<UnknownMethods<FakeMenu, GoogleAppsScript.Base.Menu>>,
  None<UnknownMethods<FakeHtmlOutput, GoogleAppsScript.HTML.HtmlOutput>>,
  None<UnknownMethods<FakeDocumentApp, GoogleAppsScript.Document.DocumentApp>>,
  None<Exclude<UnknownMethods<FakeBody, GoogleAppsScript.Document.Body>, NotInBody>>,
  None<Exclude<UnknownMethods<FakeParagraph, GoogleAppsScript.Document.Paragraph>, FakeOnly>>,
  None<UnknownMethods<FakeTable, GoogleAppsScript.Document.Table>>,
  None<UnknownMethods<FakeTableRow, GoogleAppsScript.Document.TableRow>>,
  None<UnknownMethods<FakeTableCell, GoogleAppsScript.Document.TableCell>>,
  None<UnknownMethods<FakeText, GoogleAppsScript.Document.Text>>,
  None<UnknownMethods<FakeDocument, GoogleAppsScript.Document.Document>>,
  None<UnknownMethods<FakeRangeBuilder, GoogleAppsScript.Document.RangeBuilder>>,
  None<UnknownMethods<FakeDocumentRange, GoogleAppsScript.Document.Range>>,
  None<UnknownMethods<FakeRangeElement, GoogleAppsScript.Document.RangeElement>>,
  None<UnknownMethods<FakeDocumentNamedRange, GoogleAppsScript.Document.NamedRange>>,
  None<UnknownMethods<FakeLock, GoogleAppsScript.Lock.Lock>>,
  None<UnknownMethods<FakeCache, GoogleAppsScript.Cache.Cache>>,
  None<UnknownMethods<FakeProperties, GoogleAppsScript.Properties.Properties>>,
];
