// This file defines synthetic workbooks of any size for benchmarks: valid rows of every tab in the messy-but-valid
// forms staff really type, seeded so the same size always gives the same workbook.
import { dayNumberFromYmd, formatDayNumber, ymdFromDayNumber } from '../src/core/cells';
import { SETTINGS, TABS, type TabKey } from '../src/core/schema';
import { createRandom, type Random } from './make-sample';

export interface SyntheticSize {
  readonly candidates: number;
  readonly events: number;
  readonly costs: number;
  /** Companies default to a fiftieth of the candidates. */
  readonly companies?: number;
}

type Cell = string | number | Date;

const PROGRAMS = ['職業紹介事業', '育成事業', '啓発事業', 'ファンドレイジング'];
const KINDS = ['交流会', '勉強会', 'メンターシップ', '研修', '日本語サロン', '講演', 'メディア取材'];

/** A date in one of the forms people type or Sheets returns, all of which the reader accepts. */
function messyDate(random: Random, day: number): Cell {
  const { year, month, day: d } = ymdFromDayNumber(day);
  switch (random.int(0, 7)) {
    case 0:
      return new Date(year, month - 1, d);
    case 1:
      return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    case 2:
      return `${year}年${month}月${d}日`;
    case 3:
      return year >= 2019 && (year > 2019 || month >= 5) ? `R${year - 2018}.${month}.${d}` : `${year}/${month}/${d}`;
    case 4:
      return day + 25569; // a Sheets/Excel serial number
    case 5:
      return `${year}/${month}/${d}`.replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
    default:
      return `${year}/${month}/${d}`;
  }
}

function messyYen(random: Random, yen: number): Cell {
  switch (random.int(0, 5)) {
    case 0:
      return `${yen.toLocaleString('en-US')}円`;
    case 1:
      return yen % 1000 === 0 ? `${yen / 1000}千円` : yen;
    case 2:
      return `¥${yen.toLocaleString('en-US')}`;
    default:
      return yen;
  }
}

function rowFor(tab: TabKey, values: Record<string, Cell>): Cell[] {
  const def = TABS.find((t) => t.key === tab);
  return (def?.columns ?? []).map((column) => values[column.key] ?? '');
}

function header(tab: TabKey): Cell[] {
  return (TABS.find((t) => t.key === tab)?.columns ?? []).map((column) => column.ja);
}

/** A valid workbook with the given number of rows per data tab; fiscal year 2022 (April–March) plus margins. */
export function makeSyntheticWorkbook(size: SyntheticSize, seed = 20221): { name: string; values: Cell[][] }[] {
  const random = createRandom(seed);
  const start = dayNumberFromYmd(2021, 10, 1);
  const span = dayNumberFromYmd(2023, 6, 30) - start;
  const someDay = () => start + random.int(0, span);
  const companies = size.companies ?? Math.max(1, Math.floor(size.candidates / 50));
  const settingValues: Record<string, Cell> = { 団体名: '特定非営利活動法人 ベンチマーク', 対象年度: 2022 };
  const settings = [['項目', '値'], ...SETTINGS.map((s) => [s.ja, settingValues[s.ja] ?? s.default ?? ''])];
  const programs = [
    header('programs'),
    ...PROGRAMS.map((program, i) =>
      rowFor('programs', {
        program,
        articleName: `${program}の定款名`,
        category: '特定非営利活動',
        when: '通年',
        where: '関東',
        staffCount: 3,
        beneficiaryScope: '難民・避難民',
        beneficiaryCount: i === 0 ? '{{就職者数|就職経路=職業紹介}}名' : `延べ{{参加者数|事業内容=${program}}}名`,
        order: i + 1,
      }),
    ),
  ];
  const companyRows = [header('companies')];
  for (let i = 0; i < companies; i++) {
    const hearing = someDay();
    companyRows.push(
      rowFor('companies', {
        companyId: `K${String(i + 1).padStart(5, '0')}`,
        companyName: `架空企業${i + 1}株式会社`,
        firstHearing: messyDate(random, hearing),
        newOpenings: random.int(0, 5),
        openingsReceived: messyDate(random, hearing + random.int(0, 30)),
      }),
    );
  }
  const candidates = [header('candidates')];
  for (let i = 0; i < size.candidates; i++) {
    const contact = someDay();
    const registered = contact + random.int(0, 30);
    const hired = random.next() < 0.1 ? registered + random.int(30, 200) : null;
    candidates.push(
      rowFor('candidates', {
        candidateId: `C${String(i + 1).padStart(6, '0')}`,
        name: `仮名${i + 1}`,
        attribute: random.pick(['難民申請中', '難民認定', '補完的保護', '避難民']),
        nationality: `${String.fromCharCode(65 + random.int(0, 6))}国`,
        firstContact: messyDate(random, contact),
        registered: random.next() < 0.6 ? messyDate(random, registered) : '',
        firstInterview: random.next() < 0.6 ? messyDate(random, registered + 3) : '',
        hired: hired === null ? '' : messyDate(random, hired),
        employerId: hired === null ? '' : `K${String(random.int(1, companies)).padStart(5, '0')}`,
        route: hired === null ? '' : random.pick(['職業紹介', '自己応募']),
        permanent: hired === null ? '' : random.pick(['はい', 'いいえ', '✓']),
        statusChanged: random.next() < 0.02 ? messyDate(random, contact + 100) : '',
        consentDate: messyDate(random, contact),
        note: random.next() < 0.1 ? '備考あり' : '',
      }),
    );
  }
  const events = [header('events')];
  for (let i = 0; i < size.events; i++) {
    const day = someDay();
    const ids = [
      ...new Set(
        Array.from(
          { length: random.int(0, 3) },
          () => `C${String(random.int(1, Math.max(1, size.candidates))).padStart(6, '0')}`,
        ),
      ),
    ];
    const participants = ids.length + random.int(0, 40);
    events.push(
      rowFor('events', {
        eventId: `E${String(i + 1).padStart(6, '0')}`,
        program: random.pick(PROGRAMS),
        kind: random.pick(KINDS),
        title: `イベント${i + 1}`,
        start: messyDate(random, day),
        end: random.next() < 0.2 ? messyDate(random, day + random.int(0, 90)) : '',
        format: random.pick(['対面', 'オンライン', 'ハイブリッド']),
        participants: random.next() < 0.1 ? `${participants}人` : participants,
        participantIds: size.candidates > 0 ? ids.join(', ') : '',
      }),
    );
  }
  const costs = [header('costs')];
  for (let i = 0; i < size.costs; i++) {
    costs.push(
      rowFor('costs', {
        date: messyDate(random, someDay()),
        program: random.next() < 0.05 ? '管理費' : random.pick(PROGRAMS),
        item: random.pick(['人件費', 'その他経費']),
        account: random.pick(['給料手当', '旅費交通費', '会議費', '通信運搬費']),
        amount: messyYen(random, random.int(1, 500) * 100),
        memo: `摘要${i + 1}`,
        voucher: `V${i + 1}`,
      }),
    );
  }
  const narrative = [
    header('narrative'),
    rowFor('narrative', { heading: '職業紹介事業', order: 1, body: '今年度は{{就職者数}}名が就職した。' }),
    rowFor('narrative', {
      heading: '育成事業',
      order: 2,
      body: '{{イベント回数|事業内容=育成事業}}回、延べ{{参加者数|事業内容=育成事業}}名。',
    }),
  ];
  return [
    { name: '設定', values: settings },
    { name: '事業', values: programs },
    { name: '候補者', values: candidates },
    { name: '企業', values: companyRows },
    { name: 'イベント', values: events },
    { name: '費用', values: costs },
    { name: '本文', values: narrative },
  ];
}

/** 2022-04-01 as text, for callers that print the period. */
export const SYNTHETIC_PERIOD = `${formatDayNumber(dayNumberFromYmd(2022, 4, 1))}..${formatDayNumber(dayNumberFromYmd(2023, 3, 31))}`;
