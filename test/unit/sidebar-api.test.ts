// Tests of the sidebar's shared handlers (src/core/sidebar-api.ts) on a raw workbook, with recording doors in place of
// Apps Script or the dev server: each figure is the reference report's, each door is called exactly as expected.
import { makeSampleWorkbook } from '../../scripts/make-sample';
import type { RawWorkbook } from '../../src/core/read-workbook';
import type { ReportDocument } from '../../src/core/report-document';
import {
  CELL_ADDRESS,
  type GenerateStep,
  generateReport,
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
});
