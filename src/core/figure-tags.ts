// This file defines figure tags: the stable names by meaning of the figures a report inserts (issue 14).
import { normalizeText } from './cells';
import type { Filters, MetricDef } from './metrics';

/*
 * A tag names a figure by what it means, so the same figure has the same tag in every report made from the workbook,
 * whatever rows are inserted or moved: a content control's `w:tag` in the .docx, a named range in the Google Doc.
 *
 *   m:新規接点数|属性=人道配慮,難民      a `{{指標名|キー=値}}` placeholder (filters in the metric's order, values sorted)
 *   r:集計!B3                          a `{{=…}}` reference (as written, width-folded)
 *   cost:育成事業                      the 事業費 cell of a 事業 (事業内容)
 *   beneficiaries:育成事業             its 受益対象者の人数 cell (記載例: the joined 範囲及び人数 cell)
 *   when: / where: / staff:育成事業    its 実施日時 / 実施場所 / 従事者人数 cell, when that cell holds a placeholder
 *   total:特定非営利活動               a 区分's rounded total (標準: in the heading; 記載例: the 合計 row)
 *   appendix:育成事業:人件費            an appendix cell (費目 人件費 / その他経費, or 計 for the row's sum)
 *   appendix-total:人件費 / admin:人件費 the appendix's 合計 and 管理費 rows
 *   comparison:statement|report|difference   the rows of the 活動計算書 comparison
 *   m:常用求人数|国外=はい                 the 職業紹介事業報告書's figures: each metric as a placeholder names it
 *   site:年度就職者数                    its 人材サービス総合サイト figures (国内 and 国外 summed), by label
 *
 * A tag holds only metric names, the filters the template author typed, 事業内容, 区分, 費目 and cell references:
 * never a value of a 候補者 row. Escaping: in each piece taken from the workbook, `%`, the separators `: | = , /`,
 * the XML specials `< > & " '`, and the Unicode categories C and Z (controls, format characters, lone surrogates,
 * noncharacters, spaces) are written `%XX` (an ASCII character, two hex digits) or `%uXXXX` (each UTF-16 unit of any
 * other). Every other character (kanji, kana, letters, digits, emoji) stays as it is, so a tag is readable and safe
 * in XML attributes and Doc range names.
 * A tag longer than MAX_TAG_LENGTH keeps its first characters and ends in `~` and an FNV-1a hash of the whole tag.
 */

/** Google Doc named ranges allow 256 characters; Word shows a content control's tag in one line. */
export const MAX_TAG_LENGTH = 120;

/**
 * What a piece escapes: `%`, the separators, the XML specials, and every character of the Unicode categories C
 * (controls, format characters, lone surrogates, private use, unassigned, noncharacters) and Z (spaces, separators).
 */
const ESCAPED = /[%:|=,/<>&"'\p{C}\p{Z}]/u;

function hex(code: number, digits: number): string {
  return code.toString(16).toUpperCase().padStart(digits, '0');
}

/** One piece of a tag taken from the workbook, width-folded and trimmed, escaped as described above. */
export function escapeTagPiece(text: string): string {
  let out = '';
  // for…of walks code points: a pair (an emoji, a rare kanji) comes whole, a lone surrogate as itself.
  for (const character of normalizeText(text)) {
    if (!ESCAPED.test(character)) out += character;
    else
      for (let i = 0; i < character.length; i++) {
        const code = character.charCodeAt(i);
        out += code < 0x80 ? `%${hex(code, 2)}` : `%u${hex(code, 4)}`;
      }
  }
  return out;
}

/** FNV-1a over UTF-16 units, 8 hex digits: a stable short stand-in for the cut end of a long tag. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hex(hash, 8);
}

/** A tag within MAX_TAG_LENGTH: a longer one is cut (never inside a surrogate pair) and ends in `~` + its hash. */
export function boundTag(tag: string): string {
  if (tag.length <= MAX_TAG_LENGTH) return tag;
  let cut = MAX_TAG_LENGTH - 9;
  const last = tag.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${tag.slice(0, cut)}~${fnv1a(tag)}`;
}

/** `m:新規接点数|属性=人道配慮,難民`: filters in the metric's own order, each key's values sorted. */
export function metricTag(metric: MetricDef, filters: Filters): string {
  let tag = `m:${escapeTagPiece(metric.id)}`;
  // A placeholder's filters are among its metric's (parseTemplate refuses others).
  for (const key of metric.filters) {
    const values = filters[key];
    if (!values || values.length === 0) continue;
    tag += `|${escapeTagPiece(key)}=${values.map(escapeTagPiece).sort().join(',')}`;
  }
  return boundTag(tag);
}

/** `r:集計!B3`. */
export function referenceTag(target: string): string {
  return boundTag(`r:${escapeTagPiece(target)}`);
}

/** The kinds of figure a report's tables and headings hold (the tag's first piece). */
export type CellFigureKind =
  | 'cost'
  | 'beneficiaries'
  | 'when'
  | 'where'
  | 'staff'
  | 'total'
  | 'appendix'
  | 'appendix-total'
  | 'admin'
  | 'comparison'
  | 'site';

const TAG_KINDS = /^(?:m|r|cost|beneficiaries|when|where|staff|total|appendix|appendix-total|admin|comparison|site):/;

/** Whether a text read from a document (a `w:tag`, an alias, a range name) can be one of our tags. */
export function isFigureTag(text: string): boolean {
  return text.length <= MAX_TAG_LENGTH && TAG_KINDS.test(text);
}

/** `cost:育成事業`, `appendix:育成事業:人件費`: a kind and its pieces, each escaped. */
export function cellTag(kind: CellFigureKind, ...pieces: string[]): string {
  return boundTag([kind, ...pieces.map(escapeTagPiece)].join(':'));
}
