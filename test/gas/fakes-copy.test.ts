// Tests of the DocumentApp fakes that テンプレートから作成 relies on, held to Apps Script's documented behaviour:
// Element.copy (detached, deep), Text attributes by offset, getTextAttributeIndices, list IDs, header and footer
// sections, and openByUrl.
import {
  createFakeEnvironment,
  type FakeDocumentApp,
  type FakeEnvironment,
  FakeListItem,
  FakeParagraph,
  installFakes,
  unwrap,
} from '../fakes';

function withFakes(run: (env: FakeEnvironment, docs: FakeDocumentApp) => void): void {
  const env = createFakeEnvironment();
  const uninstall = installFakes(env);
  try {
    run(env, unwrap(env.DocumentApp) as unknown as FakeDocumentApp);
  } finally {
    uninstall();
  }
}

describe('DocumentApp fakes for copying a document', () => {
  it('copy() is detached and deep: text, styles, attributes and children; editing it leaves the original', () => {
    withFakes((_env, docs) => {
      const body = docs.create('A').getBody();
      const paragraph = body.appendParagraph('太字と普通').setAlignment('CENTER');
      paragraph.editAsText().setBold(0, 1, true);
      const table = body.appendTable([['a', 'b']]).setBorderWidth(3);
      table.setColumnWidth(1, 90);
      const copy = paragraph.copy();
      expect(copy).toBeInstanceOf(FakeParagraph);
      expect([copy.getParent(), copy.getText(), copy.getAlignment()]).toEqual([null, '太字と普通', 'CENTER']);
      expect([copy.editAsText().isBold(0), copy.editAsText().isBold(2)]).toEqual([true, null]);
      copy.editAsText().insertText(0, '新');
      expect(paragraph.getText()).toBe('太字と普通');
      const tableCopy = table.copy();
      expect([tableCopy.getBorderWidth(), tableCopy.getColumnWidth(1), tableCopy.getCell(0, 1).getText()]).toEqual([
        3,
        90,
        'b',
      ]);
      tableCopy.getCell(0, 1).setText('c');
      expect(table.getCell(0, 1).getText()).toBe('b');
      expect(body.appendListItem('x').copy()).toBeInstanceOf(FakeListItem);
      expect(() => paragraph.editAsText().copy()).toThrow('The fake copies paragraphs, list items and tables');
    });
  });

  it('appending takes only a detached element of the right kind', () => {
    withFakes((_env, docs) => {
      const body = docs.create('A').getBody();
      const paragraph = body.appendParagraph('p');
      expect(() => body.appendParagraph(paragraph)).toThrow('Element must be detached.');
      expect(() => body.appendParagraph(new FakeListItem('li'))).toThrow('Cannot convert ListItem to Paragraph.');
      expect(body.appendParagraph(paragraph.copy()).getText()).toBe('p');
    });
  });

  it('Text attributes by offset: getAttributes lists the character styles, setAttributes styles a stretch or all', () => {
    withFakes((_env, docs) => {
      const text = docs.create('A').getBody().appendParagraph('abcdef').editAsText();
      text.setAttributes(1, 2, { BOLD: true, FONT_SIZE: 14, HEADING: 'HEADING1' });
      expect(text.getAttributes(1)).toEqual({
        BACKGROUND_COLOR: null,
        BOLD: true,
        FONT_FAMILY: null,
        FONT_SIZE: 14,
        FOREGROUND_COLOR: null,
        ITALIC: null,
        LINK_URL: null,
        STRIKETHROUGH: null,
        UNDERLINE: null,
      });
      expect(text.getTextAttributeIndices()).toEqual([0, 1, 3]);
      text.setAttributes({ ITALIC: true });
      expect([text.isItalic(5), text.isBold(0), text.isBold(2)]).toEqual([true, null, true]);
      text.setUnderline(4, 5, true).setLinkUrl(5, 5, 'https://example.org').setStrikethrough(0, 0, true);
      expect(text.getTextAttributeIndices()).toEqual([0, 1, 3, 4, 5]);
      expect([text.isUnderline(4), text.getLinkUrl(5), text.isStrikethrough(0)]).toEqual([
        true,
        'https://example.org',
        true,
      ]);
    });
  });

  it('list items of one list share an ID; a new item starts its own list', () => {
    withFakes((_env, docs) => {
      const body = docs.create('A').getBody();
      const first = body.appendListItem('1');
      const second = body.appendListItem('2');
      expect(second.getListId()).not.toBe(first.getListId());
      second.setListId(first);
      expect(second.getListId()).toBe(first.getListId());
      expect(second.copy().getListId()).toBe(first.getListId());
    });
  });

  it('header and footer: none until added, added once, starting with one empty paragraph that stays last', () => {
    withFakes((_env, docs) => {
      const document = docs.create('A');
      expect([document.getHeader(), document.getFooter()]).toEqual([null, null]);
      const header = document.addHeader();
      expect(() => document.addHeader()).toThrow('Document tab already contains a header.');
      expect(header.getNumChildren()).toBe(1);
      expect(() => header.getChild(0).removeFromParent()).toThrow("Can't remove the last paragraph");
      header.appendParagraph('h');
      header.getChild(0).removeFromParent();
      expect(header.getText()).toBe('h');
      expect(document.addFooter().getType()).toBe('FOOTER_SECTION');
    });
  });

  it('openByUrl opens a document by its URL; no document and no URL are Apps Script errors', () => {
    withFakes((env, docs) => {
      const document = docs.create('A');
      expect(env.DocumentApp.openByUrl(document.getUrl()).getName()).toBe('A');
      expect(() => env.DocumentApp.openByUrl('https://docs.google.com/document/d/nothing-here/edit')).toThrow(
        "Document is missing (perhaps it was deleted, or you don't have read access?)",
      );
      expect(() => env.DocumentApp.openByUrl('not a url')).toThrow('Invalid argument: url');
      expect(env.calls.count('DocumentApp.openByUrl')).toBe(3);
    });
  });
});
