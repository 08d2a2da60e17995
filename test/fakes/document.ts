// This file defines the DocumentApp fake: documents and their element tree (body, paragraphs, tables, text).
import { enumOf, FakeObject, unwrap } from './base';

// biome-ignore format: enum tables
const ELEMENT_TYPE = enumOf(['BODY_SECTION', 'HEADER_SECTION', 'FOOTER_SECTION', 'PARAGRAPH', 'LIST_ITEM', 'TABLE', 'TABLE_ROW', 'TABLE_CELL', 'TABLE_OF_CONTENTS', 'TEXT', 'PAGE_BREAK', 'HORIZONTAL_RULE']);
// biome-ignore format: enum tables
const PARAGRAPH_HEADING = enumOf(['NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE']);
const HORIZONTAL_ALIGNMENT = enumOf(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']);
const VERTICAL_ALIGNMENT = enumOf(['BOTTOM', 'CENTER', 'TOP']);
// biome-ignore format: enum tables
const GLYPH_TYPE = enumOf(['BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER']);
// biome-ignore format: enum tables
const ATTRIBUTE = enumOf([
  'BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR',
  'HEADING', 'HEIGHT', 'HORIZONTAL_ALIGNMENT', 'INDENT_END', 'INDENT_FIRST_LINE', 'INDENT_START', 'ITALIC', 'GLYPH_TYPE',
  'LEFT_TO_RIGHT', 'LINE_SPACING', 'LINK_URL', 'LIST_ID', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'MARGIN_TOP',
  'NESTING_LEVEL', 'MINIMUM_HEIGHT', 'PADDING_BOTTOM', 'PADDING_LEFT', 'PADDING_RIGHT', 'PADDING_TOP', 'PAGE_HEIGHT',
  'PAGE_WIDTH', 'SPACING_AFTER', 'SPACING_BEFORE', 'STRIKETHROUGH', 'UNDERLINE', 'VERTICAL_ALIGNMENT', 'WIDTH',
]);
type ElementType = keyof typeof ELEMENT_TYPE;
type Attribute = keyof typeof ATTRIBUTE;
export type Attributes = Partial<Record<Attribute, unknown>>;

/** The attributes that style characters: what Text.getAttributes(offset) lists and Text.setAttributes applies. */
// biome-ignore format: one list
const STYLE_ATTRIBUTES: readonly Attribute[] = ['BACKGROUND_COLOR', 'BOLD', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR', 'ITALIC', 'LINK_URL', 'STRIKETHROUGH', 'UNDERLINE'];

/** Apps Script's getAttributes() lists every attribute, null where the element sets none. */
const NO_ATTRIBUTES = Object.fromEntries(Object.keys(ATTRIBUTE).map((name) => [name, null])) as Attributes;

/** A style set on part of a container's text through Text.setX(start, endInclusive, value) or appendText(). */
interface StyleRun {
  start: number;
  end: number;
  attribute: Attribute;
  value: unknown;
}

export abstract class FakeElement extends FakeObject {
  abstract readonly type: ElementType;
  parent: FakeContainer | null = null;
  /** Attributes set on this element itself; like Apps Script, inherited ones are not resolved here. */
  readonly attributes: Attributes = {};

  getType = (): ElementType => this.type;
  getParent = (): FakeContainer | null => this.parent;
  getAttributes = (): Attributes => ({ ...NO_ATTRIBUTES, ...this.attributes });
  setAttributes = (attributes: Attributes): this => this.also(() => Object.assign(this.attributes, attributes));
  getNextSibling = (): FakeElement | null => this.sibling(1);
  getPreviousSibling = (): FakeElement | null => this.sibling(-1);
  removeFromParent = (): this => this.also(() => this.parent?.removeChild(this));
  // Element.asX(): Apps Script returns the same element typed; asking for the wrong type throws.
  asParagraph = (): FakeParagraph => this.as('PARAGRAPH', 'LIST_ITEM') as unknown as FakeParagraph;
  asTable = (): FakeTable => this.as('TABLE') as unknown as FakeTable;
  asTableCell = (): this => this.as('TABLE_CELL');
  asTableRow = (): this => this.as('TABLE_ROW');
  asListItem = (): this => this.as('LIST_ITEM');
  asText = (): FakeText => this.as('TEXT') as unknown as FakeText;

  private as(...types: string[]): this {
    if (!types.includes(this.type)) throw new Error(`Cannot cast ${this.type} to ${types[0]}.`);
    return this;
  }

  /**
   * Element.copy(): a detached, deep copy: the element's attributes, its text with the text's styles, and a copy of
   * every child. Named ranges stay with the original.
   */
  copy(): this {
    const twin = new (this.constructor as new () => this)();
    Object.assign(twin.attributes, this.attributes);
    twin.copyContent(this);
    return twin;
  }

  /** What copy() takes over besides the attributes: a container's children and styles, a paragraph's text. */
  protected copyContent(_from: this): void {}

  protected attribute = (name: Attribute): unknown => this.attributes[name] ?? null;

  protected put = (name: Attribute, value: unknown): this => this.also(() => (this.attributes[name] = value));

  protected also(effect: () => unknown): this {
    effect();
    return this;
  }

  private sibling(step: number): FakeElement | null {
    const siblings = this.parent?.children ?? [];
    return siblings[siblings.indexOf(this) + step] ?? null;
  }
}

export abstract class FakeContainer extends FakeElement {
  readonly children: FakeElement[] = [];
  readonly runs: StyleRun[] = [];
  /**
   * Text styles set through editAsText() on a container that is not a paragraph (a body, table row or cell): they
   * style the text inside. Attributes set with setAttributes on such a container stay the element's own.
   */
  readonly textStyle: Attributes = {};

  getNumChildren = (): number => this.children.length;
  getText = (): string =>
    this.children.map((child) => (child instanceof FakeContainer ? child.getText() : '')).join('\n');
  editAsText = (): FakeText => new FakeText(this);

  getChild(childIndex: number): FakeElement {
    const count = this.children.length;
    if (!(childIndex >= 0 && childIndex < count)) {
      throw new Error(`Child index (${childIndex}) must be less than the number of child elements (${count}).`);
    }
    return this.children[childIndex];
  }

  getChildIndex(child: FakeElement): number {
    const index = this.children.indexOf(child);
    if (index < 0) throw new Error('Element does not contain the specified child element.');
    return index;
  }

  removeChild(child: FakeElement): this {
    this.children.splice(this.getChildIndex(child), 1);
    child.parent = null;
    return this;
  }

  protected override copyContent(from: this): void {
    this.removeAll();
    for (const child of from.children) this.adopt(child.copy());
    this.runs.push(...from.runs.map((run) => ({ ...run })));
    Object.assign(this.textStyle, from.textStyle);
  }

  protected adopt<T extends FakeElement>(child: T, index = this.children.length): T {
    if (child.parent) throw new Error('Element must be detached.');
    if (!(index >= 0 && index <= this.children.length)) {
      throw new Error(
        `Child index (${index}) must be less than or equal to the number of child elements (${this.children.length}).`,
      );
    }
    child.parent = this;
    this.children.splice(index, 0, child);
    return child;
  }

  protected removeAll(): void {
    for (const child of this.children) child.parent = null;
    this.children.length = 0;
    this.runs.length = 0;
  }
}

// --- Text --------------------------------------------------------------------------------------------------------

type StyleArgs<T> = [value: T] | [startOffset: number, endOffsetInclusive: number, value: T];

/**
 * A Text view of a container's text: the whole of it (editAsText), whose setters style the container, or the span
 * that appendText returned, whose setters style just that span.
 */
export class FakeText extends FakeElement {
  readonly service = 'Text';
  readonly type = 'TEXT';

  constructor(
    readonly owner: FakeContainer,
    readonly span: { start: number; end: number } | undefined = undefined,
  ) {
    super();
    this.parent = owner;
  }

  getText = (): string => {
    const text = this.owner.getText();
    return this.span ? text.slice(this.span.start, this.span.end + 1) : text;
  };

  setText = (text: string): this => this.also(() => this.paragraph().setText(text));
  appendText = (text: string): FakeText => this.paragraph().appendText(text);
  editAsText = (): FakeText => this;

  /**
   * Inserts `text` at `offset`. As in Docs, the new characters take the style of the character before them (of the
   * first one at offset 0); a named range grows when the text goes strictly inside it, and moves when it goes before.
   */
  insertText(offset: number, text: string): FakeText {
    const length = this.getText().length;
    if (!(Number.isInteger(offset) && offset >= 0 && offset <= length)) {
      throw new Error(`Index (${offset}) must be less than or equal to the content length (${length}).`);
    }
    this.wholeParagraph().splice(offset, 0, String(text));
    return this;
  }

  /** Deletes the characters from `startOffset` to `endOffsetInclusive`; a named range over them shrinks or goes. */
  deleteText(startOffset: number, endOffsetInclusive: number): FakeText {
    const length = this.getText().length;
    const valid = Number.isInteger(startOffset) && Number.isInteger(endOffsetInclusive);
    if (!(valid && startOffset >= 0 && startOffset <= endOffsetInclusive && endOffsetInclusive < length)) {
      throw new Error(`Invalid offsets (${startOffset}, ${endOffsetInclusive}) for a text of length ${length}.`);
    }
    this.wholeParagraph().splice(startOffset, endOffsetInclusive - startOffset + 1, '');
    return this;
  }

  setBold = (...args: StyleArgs<boolean | null>): this => this.style('BOLD', args);
  isBold = (offset?: number): boolean | null => this.read('BOLD', offset) as boolean | null;
  setItalic = (...args: StyleArgs<boolean | null>): this => this.style('ITALIC', args);
  isItalic = (offset?: number): boolean | null => this.read('ITALIC', offset) as boolean | null;
  setFontFamily = (...args: StyleArgs<string | null>): this => this.style('FONT_FAMILY', args);
  getFontFamily = (offset?: number): string | null => this.read('FONT_FAMILY', offset) as string | null;
  setFontSize = (...args: StyleArgs<number | null>): this => this.style('FONT_SIZE', args);
  getFontSize = (offset?: number): number | null => this.read('FONT_SIZE', offset) as number | null;
  setForegroundColor = (...args: StyleArgs<string | null>): this => this.style('FOREGROUND_COLOR', args);
  getForegroundColor = (offset?: number): string | null => this.read('FOREGROUND_COLOR', offset) as string | null;
  setBackgroundColor = (...args: StyleArgs<string | null>): this => this.style('BACKGROUND_COLOR', args);
  getBackgroundColor = (offset?: number): string | null => this.read('BACKGROUND_COLOR', offset) as string | null;
  setUnderline = (...args: StyleArgs<boolean | null>): this => this.style('UNDERLINE', args);
  isUnderline = (offset?: number): boolean | null => this.read('UNDERLINE', offset) as boolean | null;
  setStrikethrough = (...args: StyleArgs<boolean | null>): this => this.style('STRIKETHROUGH', args);
  isStrikethrough = (offset?: number): boolean | null => this.read('STRIKETHROUGH', offset) as boolean | null;
  setLinkUrl = (...args: StyleArgs<string | null>): this => this.style('LINK_URL', args);
  getLinkUrl = (offset?: number): string | null => this.read('LINK_URL', offset) as string | null;

  /** The text attributes at `offset` (of the whole text without one), null where none is set. */
  override getAttributes = (offset?: number): Attributes =>
    Object.fromEntries(STYLE_ATTRIBUTES.map((name) => [name, this.read(name, this.offsetOf(offset))])) as Attributes;

  /** setAttributes(attributes) styles the whole text; setAttributes(start, endInclusive, attributes) a stretch. */
  override setAttributes = (...args: [Attributes] | [number, number, Attributes]): this => {
    const attributes = args.length === 3 ? args[2] : args[0];
    for (const [name, value] of Object.entries(attributes)) {
      if (!STYLE_ATTRIBUTES.includes(name as Attribute)) continue;
      const range = args.length === 3 ? [args[0], args[1]] : [];
      this.style(name as Attribute, [...range, value]);
    }
    return this;
  };

  /** The offsets where a run of equally styled characters starts (Text.getTextAttributeIndices); [0] when empty. */
  getTextAttributeIndices(): number[] {
    const length = this.getText().length;
    const styleAt = (offset: number) => JSON.stringify(this.getAttributes(offset));
    const indices = [0];
    for (let offset = 1; offset < length; offset++) {
      if (styleAt(offset) !== styleAt(offset - 1)) indices.push(offset);
    }
    return indices;
  }

  /** A Text view is not an element of its own in the fake: copy the paragraph instead. */
  override copy(): this {
    throw new Error('The fake copies paragraphs, list items and tables, not a Text view.');
  }

  /** Offsets are the paragraph's, as in isBold(offset) and setBold(start, end, value). */
  private offsetOf(offset: number | undefined): number | undefined {
    return offset ?? this.span?.start;
  }

  private style(attribute: Attribute, args: unknown[]): this {
    const runs = this.owner.runs;
    if (args.length === 3) runs.push({ start: Number(args[0]), end: Number(args[1]), attribute, value: args[2] });
    else if (this.span) runs.push({ ...this.span, attribute, value: args[0] });
    else this.ownStyle()[attribute] = args[0];
    return this;
  }

  private read(attribute: Attribute, offset = this.span?.start): unknown {
    const covers = (run: StyleRun) => offset !== undefined && run.start <= offset && offset <= run.end;
    const run = [...this.owner.runs].reverse().find((r) => r.attribute === attribute && covers(r));
    return run ? run.value : (this.ownStyle()[attribute] ?? null);
  }

  /** Where a whole-text style lives: a paragraph's attributes, or a larger container's text style. */
  private ownStyle(): Attributes {
    return this.owner instanceof FakeParagraph ? this.owner.attributes : this.owner.textStyle;
  }

  private paragraph(): FakeParagraph {
    if (this.owner instanceof FakeParagraph) return this.owner;
    throw new Error('The fake edits text through Text only inside a paragraph.');
  }

  /** Offsets of insertText/deleteText are the paragraph's: the fake edits only a paragraph's whole Text element. */
  private wholeParagraph(): FakeParagraph {
    if (this.span) throw new Error("The fake edits characters only through a paragraph's whole Text element.");
    return this.paragraph();
  }
}

/** A stretch of one paragraph's text that a named range covers; `alive` turns false when its text is gone. */
export interface TextAnchor {
  start: number;
  end: number;
  alive: boolean;
}

/** Where `index` lands when the characters `from`..`to` (inclusive) are deleted; null inside them. */
function afterDeletion(index: number, from: number, to: number): number | null {
  if (index < from) return index;
  return index > to ? index - (to - from + 1) : null;
}

// --- Paragraphs and inline elements ------------------------------------------------------------------------------

export class FakePageBreak extends FakeElement {
  readonly service = 'PageBreak';
  readonly type = 'PAGE_BREAK';
}

export class FakeHorizontalRule extends FakeElement {
  readonly service = 'HorizontalRule';
  readonly type = 'HORIZONTAL_RULE';
}

/** Paragraph text is a string; children hold only inline elements (page breaks, rules). */
export class FakeParagraph extends FakeContainer {
  readonly service: string = 'Paragraph';
  readonly type: ElementType = 'PARAGRAPH';

  constructor(private text = '') {
    super();
    this.attributes.HEADING = 'NORMAL';
  }

  override getText = (): string => this.text;
  override getNumChildren = (): number => (this.text ? 1 : 0) + this.children.length;

  protected override copyContent(from: this): void {
    super.copyContent(from);
    this.text = from.text;
  }

  override getChild(childIndex: number): FakeElement {
    if (this.text && childIndex === 0) return this.editAsText();
    return super.getChild(childIndex - (this.text ? 1 : 0));
  }

  /** Named-range stretches over this paragraph's text (see FakeDocument.addNamedRange). */
  readonly anchors: TextAnchor[] = [];

  /** Replacing the whole text (setText, clear) deletes every named range inside it, as in Docs. */
  setText = (text: string): this =>
    this.also(() => {
      this.removeAll();
      this.text = text;
      for (const anchor of this.anchors) anchor.alive = false;
      this.anchors.length = 0;
    });

  /** A new anchor over `start`..`end` of this paragraph's text. */
  anchor(start: number, end: number): TextAnchor {
    const anchor = { start, end, alive: true };
    this.anchors.push(anchor);
    return anchor;
  }

  /**
   * Deletes `count` characters at `at`, or inserts `insert` there, moving style runs and named-range anchors the
   * way Docs does (see FakeText.insertText and deleteText).
   */
  splice(at: number, count: number, insert: string): void {
    this.text = this.text.slice(0, at) + insert + this.text.slice(at + count);
    if (count > 0) {
      const to = at + count - 1;
      const shrink = (span: { start: number; end: number }): boolean => {
        const start = afterDeletion(span.start, at, to) ?? at;
        const end = afterDeletion(span.end, at, to) ?? at - 1;
        Object.assign(span, { start, end });
        return end >= start;
      };
      this.runs.splice(0, this.runs.length, ...this.runs.filter(shrink));
      for (const anchor of this.anchors) if (!shrink(anchor)) anchor.alive = false;
    }
    const added = insert.length;
    if (added === 0) return;
    // Styles: the run over the character before the insertion (the first character at offset 0) takes it in.
    const styledBy = at > 0 ? at - 1 : 0;
    for (const run of this.runs) {
      if (run.start <= styledBy && styledBy <= run.end) run.end += added;
      else if (run.start >= at) {
        run.start += added;
        run.end += added;
      }
    }
    // Named ranges: text typed strictly inside grows the range; text before it moves it; text after leaves it.
    for (const anchor of this.anchors) {
      if (anchor.start < at && at <= anchor.end) anchor.end += added;
      else if (at <= anchor.start) {
        anchor.start += added;
        anchor.end += added;
      }
    }
  }

  appendText(text: string): FakeText {
    const start = this.text.length;
    this.text += text;
    return new FakeText(this, { start, end: this.text.length - 1 });
  }

  clear = (): this => this.setText('');
  appendPageBreak = (): FakePageBreak => this.adopt(new FakePageBreak());
  appendHorizontalRule = (): FakeHorizontalRule => this.adopt(new FakeHorizontalRule());
  setHeading = (heading: string): this => this.put('HEADING', heading);
  getHeading = (): string => this.attribute('HEADING') as string;
  setAlignment = (alignment: string | null): this => this.put('HORIZONTAL_ALIGNMENT', alignment);
  getAlignment = (): string | null => this.attribute('HORIZONTAL_ALIGNMENT') as string | null;
  setSpacingBefore = (spacingBefore: number): this => this.put('SPACING_BEFORE', spacingBefore);
  getSpacingBefore = (): number | null => this.attribute('SPACING_BEFORE') as number | null;
  setSpacingAfter = (spacingAfter: number): this => this.put('SPACING_AFTER', spacingAfter);
  getSpacingAfter = (): number | null => this.attribute('SPACING_AFTER') as number | null;
  setLineSpacing = (multiplier: number): this => this.put('LINE_SPACING', multiplier);
  getLineSpacing = (): number | null => this.attribute('LINE_SPACING') as number | null;
  setIndentStart = (indentStart: number): this => this.put('INDENT_START', indentStart);
  getIndentStart = (): number | null => this.attribute('INDENT_START') as number | null;
}

export class FakeListItem extends FakeParagraph {
  override readonly service = 'ListItem';
  override readonly type = 'LIST_ITEM';

  setGlyphType = (glyphType: string): this => this.put('GLYPH_TYPE', glyphType);
  getGlyphType = (): string => (this.attribute('GLYPH_TYPE') as string | null) ?? 'BULLET';
  setNestingLevel = (nestingLevel: number): this => this.put('NESTING_LEVEL', nestingLevel);
  getNestingLevel = (): number => (this.attribute('NESTING_LEVEL') as number | null) ?? 0;

  /** Items with the same list ID form one list (numbered together); a new item starts a list of its own. */
  getListId = (): string => {
    this.attributes.LIST_ID ??= `kix.fakelist${++listCount}`;
    return this.attributes.LIST_ID as string;
  };

  /** setListId(listItem): this item joins `listItem`'s list. */
  setListId = (listItem: FakeListItem): this => this.put('LIST_ID', listItem.getListId());
}

let listCount = 0;

// --- Sections: body and table cell -------------------------------------------------------------------------------

function toParagraph(paragraph: string | FakeParagraph): FakeParagraph {
  if (paragraph instanceof FakeListItem) throw new Error('Cannot convert ListItem to Paragraph.');
  return typeof paragraph === 'string' ? new FakeParagraph(paragraph) : paragraph;
}
const toListItem = (listItem: string | FakeListItem): FakeListItem =>
  typeof listItem === 'string' ? new FakeListItem(listItem) : listItem;

/** A container of blocks (paragraphs, list items, tables) that always ends with a paragraph. */
abstract class FakeSection extends FakeContainer {
  appendParagraph = (paragraph: string | FakeParagraph): FakeParagraph => this.adopt(toParagraph(paragraph));
  insertParagraph = (childIndex: number, paragraph: string | FakeParagraph): FakeParagraph =>
    this.adopt(toParagraph(paragraph), childIndex);
  appendListItem = (listItem: string | FakeListItem): FakeListItem => this.adopt(toListItem(listItem));
  insertListItem = (childIndex: number, listItem: string | FakeListItem): FakeListItem =>
    this.adopt(toListItem(listItem), childIndex);
  appendTable = (cells?: string[][] | FakeTable): FakeTable => this.insertTable(this.children.length, cells);
  appendHorizontalRule = (): FakeHorizontalRule => this.appendParagraph('').appendHorizontalRule();
  clear = (): this => this.setText('');

  insertTable(childIndex: number, cells?: string[][] | FakeTable): FakeTable {
    const table = this.adopt(cells instanceof FakeTable ? cells : new FakeTable(cells), childIndex);
    // Apps Script adds an empty paragraph after a table that would otherwise end the section.
    if (childIndex === this.children.length - 1) this.adopt(new FakeParagraph());
    return table;
  }

  setText(text: string): this {
    this.removeAll();
    this.adopt(new FakeParagraph(text));
    return this;
  }
}

export class FakeBody extends FakeSection {
  readonly service = 'Body';
  readonly type = 'BODY_SECTION';

  /** A new document body holds exactly one empty paragraph. */
  constructor() {
    super();
    this.adopt(new FakeParagraph());
  }

  override removeChild(child: FakeElement): this {
    if (child === this.children[this.children.length - 1]) {
      throw new Error("Can't remove the last paragraph in a document section.");
    }
    return super.removeChild(child);
  }

  appendPageBreak = (): FakePageBreak => this.appendParagraph('').appendPageBreak();
  getParagraphs = (): FakeParagraph[] => descendants(this).filter((e) => e instanceof FakeParagraph);
  getListItems = (): FakeListItem[] => descendants(this).filter((e) => e instanceof FakeListItem);
  getTables = (): FakeTable[] => descendants(this).filter((e) => e instanceof FakeTable);
  setMarginTop = (marginTop: number): this => this.put('MARGIN_TOP', marginTop);
  getMarginTop = (): number => (this.attribute('MARGIN_TOP') as number | null) ?? 72;
  setMarginBottom = (marginBottom: number): this => this.put('MARGIN_BOTTOM', marginBottom);
  getMarginBottom = (): number => (this.attribute('MARGIN_BOTTOM') as number | null) ?? 72;
  setMarginLeft = (marginLeft: number): this => this.put('MARGIN_LEFT', marginLeft);
  getMarginLeft = (): number => (this.attribute('MARGIN_LEFT') as number | null) ?? 72;
  setMarginRight = (marginRight: number): this => this.put('MARGIN_RIGHT', marginRight);
  getMarginRight = (): number => (this.attribute('MARGIN_RIGHT') as number | null) ?? 72;
}

/** A document's header or footer: like the body, it starts with one empty paragraph and keeps its last one. */
abstract class FakeHeaderFooter extends FakeSection {
  constructor() {
    super();
    this.adopt(new FakeParagraph());
  }

  override removeChild(child: FakeElement): this {
    if (child === this.children[this.children.length - 1]) {
      throw new Error("Can't remove the last paragraph in a document section.");
    }
    return super.removeChild(child);
  }

  getParagraphs = (): FakeParagraph[] => descendants(this).filter((e) => e instanceof FakeParagraph);
}

export class FakeHeaderSection extends FakeHeaderFooter {
  readonly service = 'HeaderSection';
  readonly type = 'HEADER_SECTION';
}

export class FakeFooterSection extends FakeHeaderFooter {
  readonly service = 'FooterSection';
  readonly type = 'FOOTER_SECTION';
}

/**
 * A table of contents: Docs lets a script read it but not append one (no Body.appendTableOfContents), so a copy
 * cannot be placed in another body. Tests plant one with `plantTableOfContents`.
 */
export class FakeTableOfContents extends FakeContainer {
  readonly service = 'TableOfContents';
  readonly type = 'TABLE_OF_CONTENTS';
}

/** Puts a table of contents holding `lines` at `index` of `section` (a test arrangement, not an API call). */
export function plantTableOfContents(section: FakeBody, index: number, lines: readonly string[]): void {
  const toc = new FakeTableOfContents();
  for (const line of lines) toc.children.push(Object.assign(new FakeParagraph(line), { parent: toc }));
  const raw = unwrap(section);
  raw.children.splice(index, 0, toc);
  toc.parent = raw;
}

/** Every element below `container`, depth first in document order. */
function descendants(container: FakeContainer): FakeElement[] {
  return container.children.flatMap((child) => [child, ...(child instanceof FakeContainer ? descendants(child) : [])]);
}

// --- Tables ------------------------------------------------------------------------------------------------------

export class FakeTableCell extends FakeSection {
  readonly service = 'TableCell';
  readonly type = 'TABLE_CELL';

  constructor(text = '') {
    super();
    this.adopt(new FakeParagraph(text));
  }

  setBackgroundColor = (color: string | null): this => this.put('BACKGROUND_COLOR', color);
  getBackgroundColor = (): string | null => this.attribute('BACKGROUND_COLOR') as string | null;
  setWidth = (width: number): this => this.put('WIDTH', width);
  getWidth = (): number | null => this.attribute('WIDTH') as number | null;
  setVerticalAlignment = (alignment: string): this => this.put('VERTICAL_ALIGNMENT', alignment);
  getVerticalAlignment = (): string | null => this.attribute('VERTICAL_ALIGNMENT') as string | null;
  setPaddingTop = (paddingTop: number): this => this.put('PADDING_TOP', paddingTop);
  setPaddingBottom = (paddingBottom: number): this => this.put('PADDING_BOTTOM', paddingBottom);
  setPaddingLeft = (paddingLeft: number): this => this.put('PADDING_LEFT', paddingLeft);
  setPaddingRight = (paddingRight: number): this => this.put('PADDING_RIGHT', paddingRight);
  getColSpan = (): number => 1;
  getRowSpan = (): number => 1;
  getParentRow = (): FakeTableRow | null => this.parent as FakeTableRow | null;
  getParentTable = (): FakeTable | null => (this.parent?.parent ?? null) as FakeTable | null;
}

export class FakeTableRow extends FakeContainer {
  readonly service = 'TableRow';
  readonly type = 'TABLE_ROW';

  constructor(cells: readonly string[] = []) {
    super();
    for (const text of cells) this.adopt(new FakeTableCell(text));
  }

  getNumCells = (): number => this.children.length;
  getCell = (cellIndex: number): FakeTableCell => this.getChild(cellIndex) as FakeTableCell;
  appendTableCell = (textContents = ''): FakeTableCell => this.adopt(new FakeTableCell(textContents));
  removeCell = (cellIndex: number): FakeTableCell => this.detach(this.getCell(cellIndex));
  setMinimumHeight = (minHeight: number): this => this.put('MINIMUM_HEIGHT', minHeight);
  getMinimumHeight = (): number | null => this.attribute('MINIMUM_HEIGHT') as number | null;
  getParentTable = (): FakeTable | null => this.parent as FakeTable | null;

  private detach(cell: FakeTableCell): FakeTableCell {
    this.removeChild(cell);
    return cell;
  }
}

export class FakeTable extends FakeContainer {
  readonly service = 'Table';
  readonly type = 'TABLE';
  private readonly columnWidths = new Map<number, number>();

  /** appendTable(cells) builds every row and cell; appendTable() makes a table with no rows, as Apps Script does. */
  constructor(cells: readonly (readonly string[])[] = []) {
    super();
    for (const row of cells) this.adopt(new FakeTableRow(row));
  }

  protected override copyContent(from: this): void {
    super.copyContent(from);
    for (const [column, width] of from.columnWidths) this.columnWidths.set(column, width);
  }

  getNumRows = (): number => this.children.length;
  getRow = (rowIndex: number): FakeTableRow => this.getChild(rowIndex) as FakeTableRow;
  getCell = (rowIndex: number, cellIndex: number): FakeTableCell => this.getRow(rowIndex).getCell(cellIndex);
  appendTableRow = (tableRow?: FakeTableRow): FakeTableRow => this.adopt(tableRow ?? new FakeTableRow());
  removeRow = (rowIndex: number): FakeTableRow => this.detach(this.getRow(rowIndex));
  setBorderWidth = (width: number): this => this.put('BORDER_WIDTH', width);
  getBorderWidth = (): number => (this.attribute('BORDER_WIDTH') as number | null) ?? 1;
  setBorderColor = (color: string): this => this.put('BORDER_COLOR', color);
  getBorderColor = (): string => (this.attribute('BORDER_COLOR') as string | null) ?? '#000000';
  setColumnWidth = (columnIndex: number, width: number): this =>
    this.also(() => this.columnWidths.set(columnIndex, width));
  getColumnWidth = (columnIndex: number): number | null => this.columnWidths.get(columnIndex) ?? null;

  private detach(row: FakeTableRow): FakeTableRow {
    this.removeChild(row);
    return row;
  }
}

// --- Ranges and named ranges ------------------------------------------------------------------------------------
// Apps Script calls these Range and NamedRange, like the Sheets classes; the fakes' call keys say DocumentRange and
// DocumentNamedRange so that counting by service keeps the two apart.

/** One stretch of a range: a paragraph's Text element and offsets into it (fixed when the Range was made). */
export class FakeRangeElement extends FakeObject {
  readonly service = 'RangeElement';

  constructor(
    readonly paragraph: FakeParagraph,
    private readonly start: number,
    private readonly end: number,
  ) {
    super();
  }

  /** The stretch's offsets, whole or partial (not API: the fake's own view). */
  get first(): number {
    return this.start;
  }

  get last(): number {
    return this.end;
  }

  getElement = (): FakeText => this.paragraph.editAsText();
  /** -1 when the stretch is the whole Text element (not partial), as in Apps Script. */
  getStartOffset = (): number => (this.isPartial() ? this.start : -1);
  getEndOffsetInclusive = (): number => (this.isPartial() ? this.end : -1);
  isPartial = (): boolean => !(this.start === 0 && this.end === this.paragraph.getText().length - 1);
}

export class FakeDocumentRange extends FakeObject {
  readonly service = 'DocumentRange';

  constructor(readonly elements: readonly FakeRangeElement[]) {
    super();
  }

  getRangeElements = (): FakeRangeElement[] => [...this.elements];
}

/** Document.newRange(): the fake builds ranges over text only (a Text element, whole or from offset to offset). */
export class FakeRangeBuilder extends FakeObject {
  readonly service = 'RangeBuilder';
  private readonly elements: FakeRangeElement[] = [];

  addElement(element: FakeElement, startOffset?: number, endOffsetInclusive?: number): FakeRangeBuilder {
    if (!(element instanceof FakeText) || !(element.owner instanceof FakeParagraph)) {
      throw new Error('The fake builds ranges over the Text of a paragraph only.');
    }
    const base = element.span?.start ?? 0;
    const length = element.getText().length;
    const start = startOffset ?? 0;
    const end = endOffsetInclusive ?? length - 1;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end < length)) {
      throw new Error(`Invalid offsets (${start}, ${end}) for a text of length ${length}.`);
    }
    this.elements.push(new FakeRangeElement(element.owner, base + start, base + end));
    return this;
  }

  getRangeElements = (): FakeRangeElement[] => [...this.elements];
  build = (): FakeDocumentRange => new FakeDocumentRange([...this.elements]);
}

/**
 * A named range: anchors that follow edits of their paragraphs' text (FakeParagraph.splice). Docs drops a stretch
 * whose text is deleted (or whose paragraph leaves the document), and the named range when none is left.
 */
export class FakeDocumentNamedRange extends FakeObject {
  readonly service = 'DocumentNamedRange';
  removed = false;

  constructor(
    private readonly id: string,
    private readonly name: string,
    private readonly parts: readonly { readonly paragraph: FakeParagraph; readonly anchor: TextAnchor }[],
    private readonly body: FakeBody,
  ) {
    super();
  }

  getId = (): string => this.id;
  getName = (): string => this.name;
  getRange = (): FakeDocumentRange =>
    new FakeDocumentRange(
      this.liveParts.map((part) => new FakeRangeElement(part.paragraph, part.anchor.start, part.anchor.end)),
    );
  remove = (): void => {
    this.removed = true;
  };

  /** Whether the document still holds it: not removed, and some stretch still has text in the body. */
  get live(): boolean {
    return !this.removed && this.liveParts.length > 0;
  }

  private get liveParts() {
    const inBody = (element: FakeElement): boolean => {
      for (let node: FakeElement | null = element; node; node = node.parent) if (node === this.body) return true;
      return false;
    };
    return this.parts.filter((part) => part.anchor.alive && inBody(part.paragraph));
  }
}

// --- Documents ---------------------------------------------------------------------------------------------------

export class FakeDocument extends FakeObject {
  readonly service = 'Document';
  readonly body = new FakeBody();
  /** Whether saveAndClose() was called (the fake does not refuse later edits). */
  closed = false;
  private readonly namedRanges: FakeDocumentNamedRange[] = [];
  private namedRangeCount = 0;

  constructor(
    private readonly id: string,
    private name: string,
  ) {
    super();
  }

  getId = (): string => this.id;
  getUrl = (): string => `https://docs.google.com/document/d/${this.id}/edit`;
  getName = (): string => this.name;
  getBody = (): FakeBody => this.body;
  newRange = (): FakeRangeBuilder => new FakeRangeBuilder();
  /** The document's header and footer: null until addHeader / addFooter (or a template that has them). */
  header: FakeHeaderSection | null = null;
  footer: FakeFooterSection | null = null;
  getHeader = (): FakeHeaderSection | null => this.header;
  getFooter = (): FakeFooterSection | null => this.footer;

  addHeader(): FakeHeaderSection {
    if (this.header) throw new Error('Document tab already contains a header.');
    this.header = new FakeHeaderSection();
    return this.header;
  }

  addFooter(): FakeFooterSection {
    if (this.footer) throw new Error('Document tab already contains a footer.');
    this.footer = new FakeFooterSection();
    return this.footer;
  }

  /** Names need not be unique; Docs takes 1 to 256 UTF-16 code units. */
  addNamedRange(name: string, range: FakeDocumentRange): FakeDocumentNamedRange {
    if (typeof name !== 'string' || name.length < 1 || name.length > 256) {
      throw new Error('Invalid argument: name must be 1 to 256 characters.');
    }
    const parts = range.elements.map((element) => ({
      paragraph: element.paragraph,
      anchor: element.paragraph.anchor(element.first, element.last),
    }));
    const namedRange = new FakeDocumentNamedRange(`kix.fake${++this.namedRangeCount}`, name, parts, this.body);
    if (!namedRange.live) throw new Error('The range is not in this document.');
    this.namedRanges.push(namedRange);
    return namedRange;
  }

  /** Every named range the document still holds (or those named `name`), in the order they were added. */
  getNamedRanges = (name?: string | null): FakeDocumentNamedRange[] =>
    this.namedRanges.filter((range) => range.live && (name == null || range.getName() === name));

  getNamedRangeById = (id: string): FakeDocumentNamedRange | null =>
    this.namedRanges.find((range) => range.live && range.getId() === id) ?? null;

  setName(name: string): FakeDocument {
    this.name = name;
    return this;
  }

  saveAndClose(): void {
    this.closed = true;
  }
}

export class FakeDocumentApp extends FakeObject {
  readonly service = 'DocumentApp';
  readonly ElementType = ELEMENT_TYPE;
  readonly ParagraphHeading = PARAGRAPH_HEADING;
  readonly HorizontalAlignment = HORIZONTAL_ALIGNMENT;
  readonly VerticalAlignment = VERTICAL_ALIGNMENT;
  readonly GlyphType = GLYPH_TYPE;
  readonly Attribute = ATTRIBUTE;
  /** Documents created, oldest first. */
  readonly documents: FakeDocument[] = [];

  create(name: string): FakeDocument {
    const document = new FakeDocument(`fake-document-${this.documents.length + 1}`, name);
    this.documents.push(document);
    return document;
  }

  openById(id: string): FakeDocument {
    const document = this.documents.find((doc) => doc.getId() === id);
    if (!document) throw new Error("Document is missing (perhaps it was deleted, or you don't have read access?)");
    return document;
  }

  /**
   * Opens a document by its URL (…/document/d/ID/…): an unknown ID is the error Apps Script gives for a document
   * the user cannot read, and a string that is no document URL is an invalid argument.
   */
  openByUrl(url: string): FakeDocument {
    const id = /^https:\/\/docs\.google\.com\/document\/(?:u\/\d+\/)?d\/([\w-]+)/.exec(String(url))?.[1];
    if (!id) throw new Error('Invalid argument: url');
    return this.openById(id);
  }

  /** The add-on lives in a spreadsheet, so there is no active document. */
  getActiveDocument = (): null => null;
}

// --- Inspection helpers for tests (not counted) ------------------------------------------------------------------

export type DocumentBlock =
  | { type: 'PARAGRAPH' | 'LIST_ITEM'; text: string; heading: string; attributes: Attributes }
  | { type: 'TABLE'; rows: string[][]; attributes: Attributes }
  | { type: 'PAGE_BREAK' | 'HORIZONTAL_RULE' };

/** The body's top-level blocks as plain data, for asserting what a renderer wrote; a paragraph that only holds a
 * page break or a rule shows as that element. */
export function documentBlocks(document: FakeDocument): DocumentBlock[] {
  return unwrap(document).body.children.map((element): DocumentBlock => {
    if (element instanceof FakeTable) {
      const rows = element.children.map((row) =>
        (row as FakeContainer).children.map((cell) => (cell as FakeContainer).getText()),
      );
      return { type: 'TABLE', rows, attributes: { ...element.attributes } };
    }
    const paragraph = element as FakeParagraph;
    const inline = paragraph.children[0]?.type;
    if (!paragraph.getText() && (inline === 'PAGE_BREAK' || inline === 'HORIZONTAL_RULE')) return { type: inline };
    const { HEADING, ...attributes } = paragraph.attributes;
    return { type: paragraph.type as 'PARAGRAPH', text: paragraph.getText(), heading: String(HEADING), attributes };
  });
}

/** Attributes that style text: on a container other than a paragraph, only editAsText() applies them to its text. */
// biome-ignore format: one list
const TEXT_ATTRIBUTES: readonly Attribute[] = ['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR', 'LINK_URL'];

/**
 * An attribute as it applies to `element`: its own value, else the nearest ancestor's (Body, TableCell, …). A text
 * attribute reaches a paragraph from a table cell, row, table or body only when it was set on that container's text
 * (editAsText().setBold(true)): `TableCell.setAttributes({BOLD: true})` does not make the cell's text bold.
 */
export function effectiveAttribute(element: FakeElement, name: Attribute): unknown {
  const start = unwrap(element);
  for (let node: FakeElement | null = start; node; node = node.parent) {
    const styled = node instanceof FakeContainer && !(node instanceof FakeParagraph) ? node.textStyle[name] : null;
    if (styled !== undefined && styled !== null) return styled;
    const skip = node !== start && TEXT_ATTRIBUTES.includes(name) && !(node instanceof FakeParagraph);
    if (!skip && node.attributes[name] !== undefined && node.attributes[name] !== null) return node.attributes[name];
  }
  return null;
}
