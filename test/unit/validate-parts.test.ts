// This file tests checking a workbook in parts (checkTabAlone + checkWorkbookWith, the local runner's two threads): exactly checkWorkbook's issues, and each part's own output.
import type { IssueDraft } from '../../src/core/issues';
import {
  type CheckOptions,
  checkTabAlone,
  checkWorkbook,
  checkWorkbookWith,
  type PartKey,
  referenceTargets,
  supportingTabs,
  tabsBut,
} from '../../src/core/pipeline';
import { type RawWorkbook, readWorkbook } from '../../src/core/read-workbook';
import { EVERY_TAB, validateWorkbook } from '../../src/core/validate';
import { BAD_WORKBOOK } from '../fixtures/bad-workbook';
import { rawWorkbook } from '../helpers/raw';

/** A workbook with faults in 候補者, イベント and 費用 (and across them), and a 活動計算書 figure that does not match. */
const PARTS_WORKBOOK: Record<string, unknown[][]> = {
  設定: [
    ['項目', '値'],
    ['団体名', 'テスト団体'],
    ['対象年度', 2022],
    ['活動計算書の事業費計', '1,000'],
  ],
  事業: [
    ['事業内容', '定款の事業名', '区分', '受益対象者の人数'],
    ['育成事業', '統合を促す事業', '特定非営利活動', '{{参加者数|種別=講座}}名 {{=費用!E2}}'],
  ],
  企業: [
    ['企業ID', '企業名'],
    ['K001', '株式会社A'],
  ],
  候補者: [
    ['候補者ID', '氏名', '初回接点日', '就職日', '就職先企業ID', '同意取得日'],
    ['C001', 'SENTINEL-氏名-1', '2022/4/1', '2022/6/1', 'K001', '2022/4/1'],
    ['C001', '', '2022/4/2', '', '', ''], // duplicate_id
    ['c002', 'SENTINEL-氏名-2', '2022/5/1', '2022/4/1', 'K999', ''], // hired_before_contact, unknown_reference, missing_consent
    ['C003', '', '2202/4/1', '', '', ''], // implausible_date
  ],
  イベント: [
    ['イベントID', '事業内容', '種別', '開始日', '参加者数', '参加者ID'],
    ['E1', '育成事業', '講座', '2022/5/1', 3, 'C001、C002, C404'], // C002 as typed differs from c002; C404 unknown
    ['E1', '謎の事業', '講座', '2022/5/2', 1, 'C001,C003'], // duplicate_id, unknown_reference, participants_below_ids
  ],
  費用: [
    ['日付', '事業内容', '費目', '金額', '証憑番号'],
    ['2022/4/10', '育成事業', '人件費', 5000, 'R1'],
    ['2022/4/11', '謎の事業', '人件費', -200, 'R2'], // unknown_reference, negative_amount
    ['2202/4/12', '育成事業', 'その他経費', '約5万', 'R3'], // invalid_number, implausible_date
  ],
  本文: [
    ['見出し', '本文'],
    ['はじめに', '本年度も{{=費用!E3}}件'],
  ],
};

const summary = (issues: readonly { severity: string; code: string; tab: string; cell: string }[]) =>
  issues.map((i) => `${i.severity} ${i.code} ${i.tab}!${i.cell}`);

function inParts(raw: RawWorkbook, keys: readonly PartKey[], options: CheckOptions = {}) {
  const read = readWorkbook(raw, { tabs: tabsBut(keys) });
  const parts = keys.map((key) => checkTabAlone(raw, key, options));
  return checkWorkbookWith(raw, read, parts, options).issues;
}

const SPLITS: readonly (readonly PartKey[])[] = [
  ['candidates'],
  ['costs'],
  ['candidates', 'costs'],
  ['costs', 'candidates'],
];

describe('checkWorkbookWith: a workbook checked in parts gives checkWorkbook’s issues', () => {
  it('lists the planted faults of PARTS_WORKBOOK, in workbook order (the whole workbook at once)', () => {
    expect(summary(checkWorkbook(rawWorkbook(PARTS_WORKBOOK)).issues)).toEqual([
      'warning statement_cost_mismatch 設定!B4',
      'error unknown_cell_reference 事業!D2',
      'error duplicate_id 候補者!A3',
      'error hired_before_contact 候補者!D4',
      'error unknown_reference 候補者!E4',
      'warning missing_consent 候補者!F4',
      'error implausible_date 候補者!C5',
      'error unknown_reference イベント!F2',
      'error duplicate_id イベント!A3',
      'error unknown_reference イベント!B3',
      'error participants_below_ids イベント!E3',
      'error unknown_reference 費用!B3',
      'warning negative_amount 費用!D3',
      'error implausible_date 費用!A4',
      'error invalid_number 費用!D4',
      'error unknown_cell_reference 本文!B2',
    ]);
  });

  it.each(SPLITS)('gives the same issues, messages and order with %p checked apart', (...keys) => {
    for (const tabs of [PARTS_WORKBOOK, BAD_WORKBOOK]) {
      const raw = rawWorkbook(tabs);
      expect(inParts(raw, keys)).toEqual(checkWorkbook(raw).issues);
    }
  });

  it('keeps the same issues with a year and a language given, and with `{{=…}}` targets resolved', () => {
    const raw = rawWorkbook(PARTS_WORKBOOK);
    const references = new Map([['費用!e2', { text: '5000', sheet: '費用', column: 4 }]]);
    const options: CheckOptions = { year: 2023, language: 'en', references };
    for (const keys of SPLITS) expect(inParts(raw, keys, options)).toEqual(checkWorkbook(raw, options).issues);
    // 費用!E2 resolved, 事業 has no issue left (本文's 費用!E3 is still unknown).
    expect(summary(checkWorkbook(raw, options).issues).slice(0, 2)).toEqual([
      'warning statement_cost_mismatch 設定!B4',
      'error duplicate_id 候補者!A3',
    ]);
  });

  it('takes the reconciliation from the part of 費用, and makes it itself without one', () => {
    const raw = rawWorkbook(PARTS_WORKBOOK);
    const costs = checkTabAlone(raw, 'costs');
    const fake = { ...costs, reconciliation: [] };
    const read = readWorkbook(raw, { tabs: tabsBut(['costs']) });
    const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);
    expect(codes(checkWorkbookWith(raw, read, [fake]).issues)).not.toContain('statement_cost_mismatch');
    expect(codes(checkWorkbookWith(raw, read, [costs]).issues)).toContain('statement_cost_mismatch');
    const readAll = readWorkbook(raw, { tabs: tabsBut(['candidates']) });
    const candidates = checkTabAlone(raw, 'candidates');
    expect(codes(checkWorkbookWith(raw, readAll, [candidates]).issues)[0]).toBe('statement_cost_mismatch');
  });

  it('never shows a value typed in a 候補者 row, checked apart', () => {
    const text = JSON.stringify(inParts(rawWorkbook(PARTS_WORKBOOK), ['candidates', 'costs']));
    expect(text).not.toContain('SENTINEL');
    expect(text).not.toContain('c002');
  });
});

describe('checkTabAlone', () => {
  const raw = rawWorkbook(PARTS_WORKBOOK);

  it('gives 候補者’s layout, its IDs in row order, and the drafts of reading and validating its rows only', () => {
    const part = checkTabAlone(raw, 'candidates');
    expect(part.key).toBe('candidates');
    expect(part.layout.name).toBe('候補者');
    expect(part.layout.columns).toEqual({
      candidateId: 0,
      name: 1,
      firstContact: 2,
      hired: 3,
      employerId: 4,
      consentDate: 5,
    });
    expect(part.referred).toEqual({ candidateId: ['C001', 'C001', 'c002', 'C003'] });
    expect(part.reconciliation).toBeNull();
    expect(part.issues.map((i: IssueDraft) => `${i.code} ${i.tab}!${i.cell}`)).toEqual([
      'duplicate_id 候補者!A3',
      'unknown_reference 候補者!E4',
      'implausible_date 候補者!C5',
      'hired_before_contact 候補者!D4',
      'missing_consent 候補者!F4',
    ]);
  });

  it('gives 費用’s drafts and its reconciliation, but not the adapter’s own issues', () => {
    const withAdapterIssue: RawWorkbook = {
      ...raw,
      issues: [{ severity: 'warning', code: 'undecodable_text', tab: '費用', cell: 'A1', column: '', value: '' }],
    };
    const part = checkTabAlone(withAdapterIssue, 'costs', { year: 2022 });
    expect(part.referred).toEqual({});
    expect(part.issues.map((i) => `${i.code} ${i.tab}!${i.cell}`)).toEqual([
      'invalid_number 費用!D4',
      'unknown_reference 費用!B3',
      'implausible_date 費用!A4',
      'negative_amount 費用!D3',
    ]);
    expect(part.reconciliation).toEqual([
      {
        severity: 'warning',
        code: 'statement_cost_mismatch',
        tab: '設定',
        cell: 'B4',
        column: '活動計算書の事業費計',
        value: '1000',
        // 5,000 and the refund of 200 (an unknown 事業内容 is still 事業費); 2202/4/12 is in no year.
        params: { reconciliation: { statement: 1000, costs: 4800, inThousands: false, costsYen: 4800 } },
      },
    ]);
    // A year with no 費用 row: the reconciliation of that year.
    expect(checkTabAlone(raw, 'costs', { year: 2030 }).reconciliation?.[0].params).toEqual({
      reconciliation: { statement: 1000, costs: 0, inThousands: false, costsYen: 0 },
    });
  });

  it('reads the tabs a part refers to, and 設定 and 事業 for 費用’s reconciliation', () => {
    expect(supportingTabs('candidates')).toEqual(['companies']);
    expect(supportingTabs('costs')).toEqual(['programs', 'settings']);
    expect(tabsBut(['candidates', 'costs'])).toEqual([
      'settings',
      'programs',
      'companies',
      'jobOrders',
      'events',
      'narrative',
      'meetings',
      'forms',
      'runs',
    ]);
  });
});

describe('referenceTargets', () => {
  it('finds the `{{=…}}` targets of 事業 and 本文 without reading the other tabs', () => {
    const raw = rawWorkbook(PARTS_WORKBOOK);
    const unreadable: RawWorkbook = {
      tabs: raw.tabs.map((tab) =>
        ['事業', '本文'].includes(tab.name)
          ? tab
          : {
              name: tab.name,
              get values(): never {
                throw new Error(`${tab.name} read`);
              },
            },
      ),
    };
    expect(referenceTargets(unreadable)).toEqual(['費用!E2', '費用!E3']);
  });
});

describe('validateWorkbook with a scope', () => {
  const workbook = readWorkbook(rawWorkbook(PARTS_WORKBOOK)).workbook;
  const located = (issues: readonly IssueDraft[]) => issues.map((i) => `${i.code} ${i.tab}!${i.cell}`);

  it('checks every tab by default (EVERY_TAB)', () => {
    expect(validateWorkbook(workbook)).toEqual(validateWorkbook(workbook, undefined, EVERY_TAB));
    expect(validateWorkbook(workbook)).toHaveLength(12);
  });

  it('checks only the rows of the tabs in scope, the others serving as reference targets', () => {
    expect(located(validateWorkbook(workbook, undefined, (tab) => tab === 'events'))).toEqual([
      'duplicate_id イベント!A3',
      'unknown_reference イベント!B3',
      'unknown_reference イベント!F2',
      'participants_below_ids イベント!E3',
    ]);
    expect(located(validateWorkbook(workbook, undefined, (tab) => tab === 'costs'))).toEqual([
      'unknown_reference 費用!B3',
      'implausible_date 費用!A4',
      'negative_amount 費用!D3',
    ]);
    expect(validateWorkbook(workbook, undefined, () => false)).toEqual([]);
  });

  it('scopes the 求人 checks too (a 有効期限 before its 受理日, 求人数 0)', () => {
    const orders = [
      ['求人ID', '企業ID', '受理日', '有効期限', '求人数', '雇用期間'],
      ['J1', 'K001', '2022/5/1', '2022/4/1', 0, '期間の定めなし'],
    ];
    const withOrders = readWorkbook(rawWorkbook({ ...PARTS_WORKBOOK, 求人: orders })).workbook;
    expect(located(validateWorkbook(withOrders, undefined, (tab) => tab === 'jobOrders'))).toEqual([
      'below_minimum 求人!E2',
      'expiry_before_received 求人!D2',
    ]);
    expect(validateWorkbook(withOrders, undefined, () => false)).toEqual([]);
  });
});
