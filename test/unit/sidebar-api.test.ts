// Tests of the sidebar's shared handlers (src/core/sidebar-api.ts) on a raw workbook, with recording doors in place of
// Apps Script or the dev server: each figure is the reference report's, each door is called exactly as expected.
import { makeSampleWorkbook } from '../../scripts/make-sample';
import type { LocalWords } from '../../src/core/messages';
import type { RawWorkbook } from '../../src/core/read-workbook';
import type { ReportDocument } from '../../src/core/report-document';
import {
  CELL_ADDRESS,
  type GenerateStep,
  generateReport,
  type IssueView,
  type SidebarDoors,
  sidebarHandlers,
  yearArgument,
} from '../../src/core/sidebar-api';

function sampleRaw(edit?: (tabs: { name: string; values: unknown[][] }[]) => void): RawWorkbook {
  const tabs = makeSampleWorkbook().map((tab) => ({ name: tab.name, values: tab.values.map((row) => [...row]) }));
  edit?.(tabs);
  return { tabs } as RawWorkbook;
}

interface Recorded {
  readonly doors: SidebarDoors;
  readonly events: string[];
  readonly written: ReportDocument[];
}

/** Doors that record every call; `busy` makes the lock taken elsewhere. */
function recordingDoors(raw: RawWorkbook, options: { busy?: boolean; tabs?: readonly string[] } = {}): Recorded {
  const events: string[] = [];
  const written: ReportDocument[] = [];
  const doors: SidebarDoors = {
    read: () => {
      events.push('read');
      return { raw };
    },
    exclusive: (work) => {
      events.push('lock');
      if (options.busy) return 'busy';
      try {
        return work();
      } finally {
        events.push('unlock');
      }
    },
    writeReport: (report) => {
      events.push(`write ${report.year}`);
      written.push(report);
      return { url: `https://docs.example/${written.length}`, name: `報告書${written.length}` };
    },
    logRun: (run) => events.push(`log ${run.year} ${run.url} ${run.warnings}`),
    selectCell: (tab, cell) => {
      events.push(`select ${tab}!${cell}`);
      return (options.tabs ?? ['費用']).includes(tab);
    },
    progress: (step: GenerateStep) => events.push(`progress ${step}`),
  };
  return { doors, events, written };
}

describe('sidebarHandlers', () => {
  it('sidebarLoad answers with the reference report figures for the configured year', () => {
    const { doors, events } = recordingDoors(sampleRaw());
    const state = sidebarHandlers(doors).sidebarLoad();
    expect(events).toEqual(['read']);
    expect(state.year).toBe(2022);
    expect(state.years).toEqual([2023, 2022, 2021]);
    expect(state.language).toBe('ja');
    const figures = Object.fromEntries((state.dashboard?.figures ?? []).map((f) => [f.metric, f.value]));
    // 137 new contacts, 84 registrations, 11 placements (7 職業紹介 + 1 自己応募 + 3 その他), 2 changes of status.
    expect([figures.新規接点数, figures.登録者数, figures.就職者数, figures.在留資格変更数]).toEqual([137, 84, 11, 2]);
    expect(state.dashboard?.costs).toEqual([
      { program: '職業紹介事業', yen: 6_408_300 },
      { program: '育成事業', yen: 9_966_300 },
      { program: '啓発事業', yen: 5_218_300 },
      { program: 'ファンドレイジング', yen: 800_100 },
    ]);
    expect(state.dashboard?.totalCost).toBe(22_393_000);
    // The sample's one warning: a refund.
    expect(state.errorCount).toBe(0);
    expect(state.issues.map((issue) => issue.severity)).toEqual(['warning']);
  });

  it('lists the years with data within 1990–2100 only', () => {
    const raw = sampleRaw((tabs) => {
      const costs = tabs.find((tab) => tab.name === '費用')?.values ?? [];
      const row = (date: string) =>
        costs[0].map((header) => (header === '日付' ? date : costs[1][costs[0].indexOf(header)]));
      costs.push(row('1989/6/1'), row('1990/4/1'), row('2100/6/1'));
    });
    expect(sidebarHandlers(recordingDoors(raw).doors).sidebarLoad().years).toEqual([2100, 2023, 2022, 2021, 1990]);
  });

  it('takes a whole-number year from the page and ignores anything else', () => {
    const { doors } = recordingDoors(sampleRaw());
    const handlers = sidebarHandlers(doors);
    expect(handlers.sidebarLoad(2021).year).toBe(2021);
    expect(handlers.sidebarLoad(2021).dashboard?.totalCost).not.toBe(22_393_000);
    for (const junk of ['2021', 2021.5, null, { year: 2021 }]) expect(handlers.sidebarLoad(junk).year).toBe(2022);
    expect([yearArgument(2021), yearArgument('2021'), yearArgument(Number.NaN)]).toEqual([2021, undefined, undefined]);
  });

  it('sidebarPreview answers with the escaped report body', () => {
    const { doors } = recordingDoors(sampleRaw());
    const preview = sidebarHandlers(doors).sidebarPreview(2022);
    expect(preview.html).toContain('<td class="right">9,966</td>');
    expect(preview.issues).toHaveLength(1);
  });

  it('sidebarGenerate locks, reads, writes, logs and reports progress, in that order', () => {
    const { doors, events, written } = recordingDoors(sampleRaw());
    expect(sidebarHandlers(doors).sidebarGenerate(2022)).toEqual({
      kind: 'created',
      url: 'https://docs.example/1',
      name: '報告書1',
      warnings: 1,
    });
    expect(events).toEqual([
      'lock',
      'progress reading',
      'read',
      'progress writing',
      'write 2022',
      'log 2022 https://docs.example/1 1',
      'progress done',
      'unlock',
    ]);
    expect(written[0].year).toBe(2022);
  });

  it('sidebarGenerate answers busy without reading when the lock is held elsewhere', () => {
    const { doors, events } = recordingDoors(sampleRaw(), { busy: true });
    expect(sidebarHandlers(doors).sidebarGenerate()).toEqual({ kind: 'busy' });
    expect(events).toEqual(['lock']);
  });

  it('sidebarGenerate lists the blocking issues and writes nothing when the input has errors', () => {
    const raw = sampleRaw((tabs) => {
      const costs = tabs.find((tab) => tab.name === '費用')?.values ?? [];
      costs[2][costs[0].indexOf('金額')] = '約5万';
    });
    const { doors, events } = recordingDoors(raw);
    const response = sidebarHandlers(doors).sidebarGenerate();
    expect(response.kind).toBe('invalid');
    if (response.kind !== 'invalid') return;
    expect(response.issues.filter((i) => i.severity === 'error').map((i) => `${i.tab}!${i.cell}`)).toEqual(['費用!E3']);
    // The sidebar gets views (no code, no value); the menu gets whole issues to count.
    expect(Object.keys(response.issues[0]).sort()).toEqual(['cell', 'message', 'severity', 'tab']);
    const outcome = generateReport(recordingDoors(raw).doors);
    expect(outcome.kind === 'invalid' && outcome.issues.map((i) => i.code)).toEqual([
      'invalid_number',
      'negative_amount',
    ]);
    expect(events).toEqual(['lock', 'progress reading', 'read', 'unlock']);
  });

  it('sidebarSelectCell asks the door only for one cell of a named tab', () => {
    const { doors, events } = recordingDoors(sampleRaw());
    const { sidebarSelectCell } = sidebarHandlers(doors);
    expect(sidebarSelectCell('費用', 'E7')).toBe(true);
    expect(sidebarSelectCell('ないタブ', 'A1')).toBe(false);
    for (const [tab, cell] of [
      ['費用', 'E7:F9'],
      ['費用', 'A0'],
      ['費用', 'AAAA1'],
      ['費用', 'A12345678'],
      ['費用', "'候補者'!B2"],
      [1, 'A1'],
      ['費用', 7],
      [undefined, undefined],
    ]) {
      expect(sidebarSelectCell(tab, cell)).toBe(false);
    }
    expect(events).toEqual(['select 費用!E7', 'select ないタブ!A1']);
    expect(['A1', 'XFD1048576', 'ZZZ9999999'].map((cell) => CELL_ADDRESS.test(cell))).toEqual([true, true, true]);
  });

  it('sidebarSelectCell refuses a cell that is not a string even when it reads as one (an array of one address)', () => {
    const { doors, events } = recordingDoors(sampleRaw());
    // String(['E7']) is 'E7', which the address pattern alone would accept.
    expect(sidebarHandlers(doors).sidebarSelectCell('費用', ['E7'])).toBe(false);
    expect(events).toEqual([]);
  });
});

/** The sample with 設定.対象年度 (B3) emptied or replaced. */
const withYear = (year: unknown): RawWorkbook =>
  sampleRaw((tabs) => {
    const settings = tabs.find((tab) => tab.name === '設定')?.values ?? [];
    settings[2][1] = year;
  });

// The sample's one warning (a refund of 8,800 yen on 費用!E44) and the error of an empty 対象年度.
const REFUND: IssueView = {
  severity: 'warning',
  tab: '費用',
  cell: 'E44',
  message: '「金額」の「-8800」がマイナスです。返金であればこのままで構いません',
};
const NO_YEAR: IssueView = {
  severity: 'error',
  tab: '設定',
  cell: 'B3',
  message: '設定「対象年度」の値が空欄です。この行の「値」に入力してください（例: 2022）',
};

describe('sidebarState', () => {
  it('counts the errors among the issues, and shows no dashboard without a year', () => {
    const state = sidebarHandlers(recordingDoors(withYear('')).doors).sidebarLoad();
    expect(state.year).toBeNull();
    expect(state.dashboard).toBeNull();
    expect(state.issues).toEqual([NO_YEAR, REFUND]);
    expect(state.errorCount).toBe(1);
    // The years with data only: no configured year joins them.
    expect(state.years).toEqual([2023, 2022, 2021]);
  });

  it('checks the workbook for the year picked on the page: an empty 対象年度 is then no error', () => {
    const state = sidebarHandlers(recordingDoors(withYear('')).doors).sidebarLoad(2022);
    expect(state.year).toBe(2022);
    expect(state.issues).toEqual([REFUND]);
    expect(state.errorCount).toBe(0);
    expect(state.dashboard?.totalCost).toBe(22_393_000);
  });

  it('offers the configured year even when no row falls in it', () => {
    expect(sidebarHandlers(recordingDoors(withYear(2030)).doors).sidebarLoad().years).toEqual([2030, 2023, 2022, 2021]);
  });

  it('puts a date before 年度開始月 (April) in the fiscal year begun the calendar year before', () => {
    const raw = sampleRaw((tabs) => {
      const costs = tabs.find((tab) => tab.name === '費用')?.values ?? [];
      const row = (date: string) =>
        costs[0].map((header) => (header === '日付' ? date : costs[1][costs[0].indexOf(header)]));
      costs.push(row('2026/3/31'), row('2028/4/1'));
    });
    // 2026/3/31 is in 2025年度 (not 2026); 2028/4/1 opens 2028年度.
    expect(sidebarHandlers(recordingDoors(raw).doors).sidebarLoad().years).toEqual([2028, 2025, 2023, 2022, 2021]);
  });

  it('lists no cost line for a 事業 row whose 事業内容 is empty (that row is an error)', () => {
    const raw = sampleRaw((tabs) => {
      const programs = tabs.find((tab) => tab.name === '事業')?.values ?? [];
      programs.push(['', '職業紹介事業', '特定非営利活動', '実施', '通年', '関東', 1, '', '', '', 5]);
    });
    const state = sidebarHandlers(recordingDoors(raw).doors).sidebarLoad();
    expect(state.dashboard?.costs).toEqual([
      { program: '職業紹介事業', yen: 6_408_300 },
      { program: '育成事業', yen: 9_966_300 },
      { program: '啓発事業', yen: 5_218_300 },
      { program: 'ファンドレイジング', yen: 800_100 },
    ]);
    expect(state.errorCount).toBe(1);
    expect(state.issues[0]).toEqual({
      severity: 'error',
      tab: '事業',
      cell: 'A6',
      message: '「事業内容」が空欄です。この列は必須です',
    });
  });
});

describe('sidebarPreview', () => {
  it('answers no body and the blocking issues when the workbook has errors', () => {
    const { doors } = recordingDoors(withYear(''));
    expect(sidebarHandlers(doors).sidebarPreview()).toEqual({ html: null, issues: [NO_YEAR, REFUND] });
  });

  it('passes the year picked on the page to the report (an empty 対象年度 is then no error)', () => {
    const preview = sidebarHandlers(recordingDoors(withYear('')).doors).sidebarPreview(2022);
    expect(preview.issues).toEqual([REFUND]);
    expect(preview.html).toContain('<td class="right">9,966</td>');
  });
});

describe('what only Sheets can do, where there is no door for it', () => {
  it('words the message with the workbook words, given no tab, column or value', () => {
    // Words that show what they were given: the message names no place in the workbook.
    const words: LocalWords = (input, language) =>
      `${language}|${input.code}|${input.tab}|${input.column}|${input.value}|${input.masked}`;
    const { doors } = recordingDoors({ ...sampleRaw(), words });
    const handlers = sidebarHandlers(doors);
    expect(handlers.sidebarUpdate(2022)).toEqual({ kind: 'unavailable', message: 'ja|update_sheets_only||||false' });
    expect(handlers.sidebarFormCheck('https://docs.google.com/document/d/x', 2022)).toEqual({
      kind: 'unreadable',
      message: 'ja|form_sheets_only||||false',
    });
  });
});
