// This file defines section ３．社員総会等の開催状況: the 会議 of the fiscal year as one table, in date order.
import type { DayNumber } from './cells';
import { inPeriod, type Period } from './fiscal-year';
import { formatThousands } from './metrics';
import type { MeetingRecord, Workbook } from './records';
import type { Block, TableCell } from './report-document';
import type { MEETING_KINDS } from './schema';

const NONE = '－';

type MeetingKind = (typeof MEETING_KINDS)[number];

/** The section's fixed words; `見出し:` overrides in 設定 replace them in the finished report like any other label. */
export const MEETING_LABELS = {
  ja: {
    heading: '３．社員総会等の開催状況',
    header: ['開催日', '種別', '出席者数', '議題', '結果'],
    kinds: { 社員総会: '社員総会', 理事会: '理事会', その他: 'その他' },
  },
  en: {
    heading: '3. General and board meetings',
    header: ['Date', 'Meeting', 'Attendance', 'Agenda', 'Result'],
    kinds: { 社員総会: 'General meeting', 理事会: 'Board meeting', その他: 'Other' },
  },
} as const satisfies Record<
  'ja' | 'en',
  { heading: string; header: readonly string[]; kinds: Readonly<Record<MeetingKind, string>> }
>;

/** The meetings held in the period, by 開催日; rows of one day stay in sheet order (the sort is stable). */
function meetingsIn(meetings: readonly MeetingRecord[], period: Period): MeetingRecord[] {
  return meetings
    .filter((meeting) => inPeriod(meeting.date, period))
    .sort((a, b) => (a.date as number) - (b.date as number));
}

/**
 * `３．社員総会等の開催状況` and its table, one row per meeting of the period; nothing when the period has none (an
 * NPO that keeps no 会議 tab gets today's report). `formatDate` prints 開催日 as the report prints its dates (西暦 or
 * 和暦); 出席者数 takes the report's unit for people (人数の単位).
 */
export function meetingBlocks(
  workbook: Workbook,
  period: Period,
  formatDate: (day: DayNumber) => string,
  language: 'ja' | 'en',
): Block[] {
  const meetings = meetingsIn(workbook.meetings, period);
  if (meetings.length === 0) return [];
  const labels = MEETING_LABELS[language];
  const unit = language === 'ja' ? workbook.settings.staffUnit : '';
  const rows = meetings.map((meeting): TableCell[] => [
    { text: formatDate(meeting.date as DayNumber) },
    // 種別 is required and one of MEETING_KINDS in a workbook without errors (the only kind a report is built from).
    { text: labels.kinds[meeting.kind as MeetingKind] },
    { text: meeting.attendance === null ? NONE : `${formatThousands(meeting.attendance)}${unit}` },
    { text: meeting.agenda ?? NONE },
    { text: meeting.result ?? NONE },
  ]);
  return [
    { kind: 'heading', level: 1, text: labels.heading },
    {
      kind: 'table',
      header: [...labels.header],
      rows,
      align: ['left', 'left', 'right', 'left', 'left'],
      widths: [17, 13, 10, 40, 20],
    },
  ];
}
