// This file defines the synthetic FY2022 sample workbook (samples/fy2022/*.csv): fictional people, companies and costs
// whose report reproduces every figure of the reference 事業報告書 through the metrics registry.
// Run `npx tsx scripts/make-sample.ts` to rewrite the CSV files; the output is the same on every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DayNumber, dayNumberFromYmd, formatDayNumber } from '../src/core/cells';
import { lastDayOfMonths } from '../src/core/fiscal-year';
import {
  ADMIN_COST,
  type ColumnDef,
  SETTINGS,
  type SettingKey,
  type TabDefOf,
  type TabKey,
  tabDef,
} from '../src/core/schema';

export type SampleCell = string | number;

/** One tab as the sample writes it: its Japanese name and its values, header row first. */
export interface SampleTab {
  readonly name: string;
  readonly values: SampleCell[][];
}

export const SAMPLE_DIR = join(__dirname, '..', 'samples', 'fy2022');

// ---------------------------------------------------------------------------------------------------------------
// Determinism: one small seeded generator per section, so changing one section leaves the others as they are.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: a tiny 32-bit PRNG, good enough for sample variety and identical in every JavaScript engine. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar

const day = (year: number, month: number, dayOfMonth: number): DayNumber => dayNumberFromYmd(year, month, dayOfMonth);
const iso = (value: DayNumber): string => formatDayNumber(value);

const FY2022_START = day(2022, 4, 1);
const FY2022_END = day(2023, 3, 31);
const FY2022_DAYS = FY2022_END - FY2022_START + 1;

/** The i-th of n days spread evenly over FY2022, jittered within its slot. */
function spreadOverYear(i: number, n: number, random: Random): DayNumber {
  return FY2022_START + Math.floor(((i + random.next()) * FY2022_DAYS) / n);
}

/** The first day of the month after `value`: hires and contracts usually start then. */
function firstOfNextMonth(value: DayNumber): DayNumber {
  const [year, month] = iso(value).split('-').map(Number);
  return day(year, month + 1, 1);
}

/** The generator checks its own promises: a broken constraint stops it rather than writing a wrong sample. */
function ensure(condition: boolean, what: string): void {
  if (!condition) throw new Error(`make-sample: ${what}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Rows keyed by the schema's column keys, so the header and column order come from TABS alone.

type ColumnKey<K extends TabKey> = TabDefOf<K>['columns'][number]['key'];
type RowOf<K extends TabKey> = Partial<Record<ColumnKey<K>, SampleCell>>;

function toTab<K extends TabKey>(key: K, rows: readonly RowOf<K>[]): SampleTab {
  const def = tabDef(key);
  const columns = def.columns as readonly ColumnDef[];
  const cells = (row: RowOf<K>): SampleCell[] =>
    columns.map((column) => (row as Partial<Record<string, SampleCell>>)[column.key] ?? '');
  return { name: def.ja, values: [columns.map((column) => column.ja), ...rows.map(cells)] };
}

// ---------------------------------------------------------------------------------------------------------------
// 設定 and 事業

const ORG_NAME = '特定非営利活動法人 サンプル就労支援ネット';

function settingName(key: SettingKey): string {
  const setting = SETTINGS.find((s) => s.key === key);
  ensure(setting !== undefined, `unknown setting ${key}`);
  return (setting as { ja: string }).ja;
}

function makeSettings(): SampleTab {
  const pairs: [SettingKey, SampleCell][] = [
    ['orgName', ORG_NAME],
    ['fiscalYear', 2022],
    ['fiscalStartMonth', 4],
    ['rounding', '四捨五入'],
    ['suppressionThreshold', 3],
    ['language', 'ja'],
  ];
  return toTab(
    'settings',
    pairs.map(([key, value]) => ({ item: settingName(key), value })),
  );
}

const PLACEMENT = '職業紹介事業';
const TRAINING = '育成事業';
const AWARENESS = '啓発事業';
const FUNDRAISING = 'ファンドレイジング';

function makePrograms(): SampleTab {
  const common = { category: '特定非営利活動', status: '実施' };
  return toTab('programs', [
    {
      ...common,
      program: PLACEMENT,
      articleName: '職業紹介事業',
      when: '通年',
      where: '関東',
      staffCount: 6,
      staffNote: '兼任',
      beneficiaryScope: '就労許可を持つ難民/外国人材採用に関心のある企業',
      beneficiaryCount: '{{就職者数|就職経路=職業紹介}}名',
      order: 1,
    },
    {
      ...common,
      program: TRAINING,
      articleName: '難民の日本社会への統合を促す事業',
      when: '通年',
      where: '関東',
      staffCount: 3,
      staffNote: '兼任',
      beneficiaryScope: '日本で暮らす難民申請中の者を含む難民・避難民',
      beneficiaryCount: 'キャリア教育機会参加者延べ{{参加者数|事業内容=育成事業}}名',
      order: 2,
    },
    {
      ...common,
      program: AWARENESS,
      articleName: '難民の現状と課題を調査・発信する事業',
      when: '不定期',
      where: '関東',
      staffCount: 3,
      beneficiaryScope: '日本企業・市民',
      beneficiaryCount:
        '各回{{参加者数最小|種別=講演}}人～{{参加者数最大|種別=講演}}人規模・計{{イベント回数|種別=講演}}回',
      order: 3,
    },
    {
      ...common,
      program: FUNDRAISING,
      articleName: 'その他目的を達成するために必要な事業',
      when: '不定期',
      where: '不特定',
      staffCount: 3,
      beneficiaryScope: '日本企業・市民',
      order: 4,
    },
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// 企業

interface Company {
  readonly id: string;
  readonly firstHearing: DayNumber;
  readonly newOpenings: number | null;
  readonly openingsReceived: DayNumber | null;
  readonly row: RowOf<'companies'>;
}

const COMPANY_WORDS = ['商事', '工業', '物産', '製作所', '食品', '技研', '運輸', 'システム', 'ホテル', '建設', '電機'];
const INDUSTRIES = ['IT', '製造', '物流', '小売', '宿泊', '飲食', '建設', '介護', '翻訳・通訳'];
const KANTO = ['東京都', '東京都', '東京都', '神奈川県', '埼玉県', '千葉県', '茨城県', '群馬県'];

function companyName(index: number): string {
  const word = COMPANY_WORDS[index % COMPANY_WORDS.length];
  const round = Math.floor(index / COMPANY_WORDS.length);
  return round === 0 ? `架空${word}株式会社` : `架空${word}第${round + 1}株式会社`;
}

/** 5 companies first heard in FY2021, 23 in FY2022, 2 in FY2023. */
function makeCompanies(): Company[] {
  const random = createRandom(2022_01);
  const hearings: DayNumber[] = [
    ...[0, 1, 2, 3, 4].map((i) => day(2021, 7, 5) + i * 52),
    ...Array.from({ length: 23 }, (_, i) => spreadOverYear(i, 23, random)),
    day(2023, 4, 12),
    day(2023, 5, 17),
  ];
  return hearings.map((firstHearing, index) => {
    const id = `K${String(index + 1).padStart(3, '0')}`;
    // Most companies heard in FY2021 and FY2022 open positions; those heard in FY2023 have not yet.
    const opens = firstHearing <= FY2022_END && random.next() < 0.7;
    const newOpenings = opens ? random.int(1, 4) : null;
    const openingsReceived = opens ? firstHearing + random.int(14, 45) : null;
    return {
      id,
      firstHearing,
      newOpenings,
      openingsReceived,
      row: {
        companyId: id,
        companyName: companyName(index),
        industry: random.pick(INDUSTRIES),
        location: random.pick(KANTO),
        firstHearing: iso(firstHearing),
        newOpenings: newOpenings ?? '',
        openingsReceived: openingsReceived === null ? '' : iso(openingsReceived),
        note: opens && random.next() < 0.3 ? '次年度も採用を検討' : '',
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 求人: the job orders behind 企業.新規求人数, one or two per company with the same 受理日 and the same total, so every
// figure read from 企業 reads the same from 求人.

const OCCUPATIONS: Record<string, string> = {
  IT: 'システム開発',
  製造: '製造オペレーター',
  物流: '倉庫内作業',
  小売: '販売スタッフ',
  宿泊: 'フロント',
  飲食: '調理',
  建設: '施工管理補助',
  介護: '介護職員',
  '翻訳・通訳': '翻訳',
};

function makeJobOrders(companies: readonly Company[]): SampleTab {
  const rows: RowOf<'jobOrders'>[] = [];
  const withOpenings = companies.filter((company) => company.newOpenings !== null && company.openingsReceived !== null);
  let temporaryGiven = false;
  withOpenings.forEach((company, index) => {
    const received = company.openingsReceived as DayNumber;
    const openings = company.newOpenings as number;
    const order = (count: number, term: string): void => {
      rows.push({
        jobOrderId: `J${String(rows.length + 1).padStart(4, '0')}`,
        companyId: company.id,
        received: iso(received),
        expires: iso(lastDayOfMonths(received, 12)),
        openings: count,
        employmentTerm: term,
        occupation: OCCUPATIONS[String(company.row.industry)] ?? '',
        abroad: 'いいえ',
      });
    };
    // Every third company with more than one opening also offers one fixed-term post: a year's contract, or (the
    // first of them in FY2022) a three-month one.
    if (openings > 1 && index % 3 === 0) {
      const temporary = !temporaryGiven && received >= FY2022_START;
      temporaryGiven ||= temporary;
      order(openings - 1, '期間の定めなし');
      order(1, temporary ? '1か月以上4か月未満' : '4か月以上');
    } else order(openings, '期間の定めなし');
  });
  return toTab('jobOrders', rows);
}

// ---------------------------------------------------------------------------------------------------------------
// 候補者

interface Candidate {
  readonly id: string;
  attribute: string;
  readonly nationality: string;
  readonly firstContact: DayNumber;
  readonly contactSource: string;
  registered: DayNumber | null;
  firstInterview: DayNumber | null;
  hired: DayNumber | null;
  employerId: string | null;
  route: string | null;
  employmentType: string | null;
  permanent: string | null;
  statusChanged: DayNumber | null;
  newStatus: string | null;
  note: string | null;
  /** 職業紹介 columns (issue 13): 求職申込日 when it differs from 登録日, 求職有効期限, and the placement's terms. */
  seekingApplied: DayNumber | null;
  seekingExpires: DayNumber | null;
  employmentTerm: string | null;
  left: DayNumber | null;
  leaveReason: string | null;
  fee: number | null;
}

const ATTRIBUTE_WEIGHTS: readonly [string, number][] = [
  ['難民申請中', 50],
  ['避難民', 22],
  ['難民認定', 10],
  ['人道配慮', 9],
  ['補完的保護', 5],
  ['その他', 4],
];
const NATIONALITIES = ['A国', 'B国', 'C国', 'D国', 'F国'];
const EVACUEE_NATIONALITIES = ['E国', 'G国'];
const CONTACT_SOURCES = ['交流イベント', '支援団体からの紹介', '知人の紹介', 'ウェブサイト', 'SNS', '地域の催し'];
const WORK_STATUS = '技術・人文知識・国際業務';

function pickAttribute(random: Random): string {
  let roll = random.next() * 100;
  for (const [attribute, weight] of ATTRIBUTE_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return attribute;
  }
  return ATTRIBUTE_WEIGHTS[0][0];
}

function newCandidate(number: number, firstContact: DayNumber, random: Random): Candidate {
  const attribute = pickAttribute(random);
  return {
    id: `C${String(number).padStart(4, '0')}`,
    attribute,
    nationality: random.pick(attribute === '避難民' ? EVACUEE_NATIONALITIES : NATIONALITIES),
    firstContact,
    contactSource: random.pick(CONTACT_SOURCES),
    registered: null,
    firstInterview: null,
    hired: null,
    employerId: null,
    route: null,
    employmentType: null,
    permanent: null,
    statusChanged: null,
    newStatus: null,
    note: null,
    seekingApplied: null,
    seekingExpires: null,
    employmentTerm: null,
    left: null,
    leaveReason: null,
    fee: null,
  };
}

function register(candidate: Candidate, registered: DayNumber, interviewAfter: number): void {
  candidate.registered = registered;
  candidate.firstInterview = registered + interviewAfter;
}

interface CandidateGroups {
  readonly all: Candidate[];
  /** The six キャッシュフォーワーク participants (contacted in FY2021). */
  readonly cashForWork: Candidate[];
  /** Registered in FY2021 or FY2022: the pool for mentorship and the Japanese pilot. */
  readonly registered: Candidate[];
  /** Contacted in FY2022. */
  readonly contactedFy2022: Candidate[];
}

/**
 * FY2021: 12 contacts (one placed in February 2022, six キャッシュフォーワーク participants).
 * FY2022: 137 contacts, 84 registered and interviewed, 7 placed through 職業紹介; the CFW participants bring 1
 * self-application hire and 3 full-remote workers; 2 status changes. FY2023: 5 contacts and what follows on.
 */
function makeCandidates(companies: readonly Company[]): CandidateGroups {
  const random = createRandom(2022_02);
  const earlier = Array.from({ length: 12 }, (_, i) => newCandidate(i + 1, day(2021, 5, 10) + i * 26, random));
  const contactedFy2022 = Array.from({ length: 137 }, (_, i) =>
    newCandidate(13 + i, spreadOverYear(i, 137, random), random),
  );
  const later = Array.from({ length: 5 }, (_, i) => newCandidate(150 + i, day(2023, 4, 3) + i * 11, random));

  // FY2021: a placement through 職業紹介 whose status change came in FY2022.
  const [placedEarly] = earlier;
  register(placedEarly, placedEarly.firstContact + 6, 4);
  Object.assign(placedEarly, {
    hired: day(2022, 2, 1),
    employerId: 'K002',
    route: '職業紹介',
    employmentType: '正社員',
    permanent: 'はい',
    statusChanged: day(2022, 7, 20),
    newStatus: WORK_STATUS,
  });
  const cashForWork = earlier.slice(2, 8);
  for (const candidate of cashForWork) {
    candidate.attribute = '難民申請中';
    candidate.note = 'キャッシュフォーワーク参加';
    register(candidate, candidate.firstContact + 7, 5);
  }
  register(earlier[9], earlier[9].firstContact + 10, 3);
  const cfwHired = day(2022, 10, 1);
  Object.assign(cashForWork[0], {
    hired: cfwHired,
    route: '自己応募',
    employmentType: '契約社員',
    permanent: 'いいえ',
  });
  for (const candidate of cashForWork.slice(1, 4)) {
    Object.assign(candidate, { hired: cfwHired, route: 'その他', employmentType: 'フルリモート', permanent: 'いいえ' });
  }

  // FY2022: 84 of the first 125 contacts register (the last ones come too late in the year to register in it).
  const registeredFy2022 = random
    .shuffle(contactedFy2022.slice(0, 125))
    .slice(0, 84)
    .sort((a, b) => a.firstContact - b.firstContact);
  for (const candidate of registeredFy2022)
    register(candidate, candidate.firstContact + random.int(2, 21), random.int(1, 10));
  for (const candidate of [contactedFy2022[130], contactedFy2022[134]]) register(candidate, day(2023, 4, 6), 7);

  // Seven placements through 職業紹介, each with a company heard (and with openings) before the hire.
  const placed = random
    .shuffle(registeredFy2022.filter((c) => (c.firstInterview as number) <= day(2022, 12, 10)))
    .slice(0, 7)
    .map((candidate) => ({
      candidate,
      hired: firstOfNextMonth((candidate.firstInterview as number) + random.int(30, 75)),
    }))
    .sort((a, b) => a.hired - b.hired);
  const employers = [...companies]
    .filter((company) => company.openingsReceived !== null && company.id !== 'K002')
    .sort((a, b) => (a.openingsReceived as number) - (b.openingsReceived as number));
  placed.forEach(({ candidate, hired }, index) => {
    const employer = employers.find((company) => (company.openingsReceived as number) < hired);
    ensure(employer !== undefined, `no employer with openings before ${iso(hired)}`);
    employers.splice(employers.indexOf(employer as Company), 1);
    Object.assign(candidate, {
      hired,
      employerId: (employer as Company).id,
      route: '職業紹介',
      employmentType: index < 5 ? '正社員' : '契約社員',
      permanent: index < 5 ? 'はい' : 'いいえ',
    });
  });
  // One status change in FY2022 (the earliest hire), one already in FY2023 (the latest).
  const first = placed[0];
  Object.assign(first.candidate, { statusChanged: first.hired + random.int(90, 120), newStatus: WORK_STATUS });
  Object.assign(placed[placed.length - 1].candidate, { statusChanged: day(2023, 5, 22), newStatus: WORK_STATUS });

  register(later[0], later[0].firstContact + 5, 3);
  register(later[2], later[2].firstContact + 5, 3);

  // 職業紹介 columns, with no draw from `random` (the other columns stay as they were). Each registration is a 求職
  // for six months; a person placed through 職業紹介 applied at the first interview. Of the five 無期雇用 placements of
  // FY2022 one left within six months (解雇以外) and one could not be followed up (不明).
  const all = [...earlier, ...contactedFy2022, ...later];
  for (const candidate of all) {
    if (candidate.registered === null) continue;
    if (candidate.route === '職業紹介') candidate.seekingApplied = candidate.firstInterview;
    candidate.seekingExpires = lastDayOfMonths(candidate.seekingApplied ?? candidate.registered, 6);
  }
  for (const candidate of [placedEarly, ...placed.map((p) => p.candidate)]) {
    const permanent = candidate.permanent === 'はい';
    candidate.employmentTerm = permanent ? '期間の定めなし' : '4か月以上';
    candidate.fee = permanent ? 250_000 : 120_000;
  }
  const leaver = placed[1].candidate;
  Object.assign(leaver, { left: (leaver.hired as number) + 75, leaveReason: '解雇以外' });
  placed[3].candidate.leaveReason = '不明';
  ensure(
    leaver.permanent === 'はい' && placed[3].candidate.permanent === 'はい',
    'the leaver and the unknown are 無期雇用 placements',
  );

  for (const candidate of registeredFy2022) {
    ensure(
      (candidate.firstInterview as number) <= FY2022_END,
      `${candidate.id} registered in FY2022 is interviewed after it`,
    );
  }
  ensure(
    first.candidate.statusChanged !== null && first.candidate.statusChanged <= FY2022_END,
    'the FY2022 status change falls in FY2022',
  );
  return {
    all,
    cashForWork,
    registered: all.filter((c) => c.registered !== null && c.registered <= FY2022_END),
    contactedFy2022,
  };
}

function candidateRow(candidate: Candidate): RowOf<'candidates'> {
  const date = (value: DayNumber | null): string => (value === null ? '' : iso(value));
  return {
    candidateId: candidate.id,
    name: `仮名${candidate.id.slice(1)}`,
    attribute: candidate.attribute,
    nationality: candidate.nationality,
    firstContact: date(candidate.firstContact),
    contactSource: candidate.contactSource,
    registered: date(candidate.registered),
    firstInterview: date(candidate.firstInterview),
    hired: date(candidate.hired),
    employerId: candidate.employerId ?? '',
    route: candidate.route ?? '',
    employmentType: candidate.employmentType ?? '',
    permanent: candidate.permanent ?? '',
    seekingApplied: date(candidate.seekingApplied),
    seekingExpires: date(candidate.seekingExpires),
    employmentTerm: candidate.employmentTerm ?? '',
    left: date(candidate.left),
    leaveReason: candidate.leaveReason ?? '',
    fee: candidate.fee ?? '',
    statusChanged: date(candidate.statusChanged),
    newStatus: candidate.newStatus ?? '',
    // Consent is asked at the first contact, before anything about the person is written down.
    consentDate: date(candidate.firstContact),
    note: candidate.note ?? '',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// イベント

interface SampleEvent {
  readonly program: string;
  readonly kind: string;
  readonly title: string;
  readonly start: DayNumber;
  /** The start date as a person typed it, when not ISO. */
  readonly startText?: string;
  readonly end?: DayNumber;
  readonly format?: string;
  readonly place?: string;
  readonly participants?: number;
  readonly participantIds?: readonly string[];
  readonly staff?: number;
  readonly note?: string;
}

const PLACE_BY_FORMAT: Record<string, string> = {
  対面: '東京都内',
  オンライン: 'オンライン',
  ハイブリッド: '東京都内・オンライン',
};

/** Moves whole units between entries, round robin, until the counts sum to `total`, staying within [min, max]. */
function adjustToTotal(counts: number[], total: number, min: number, max: number): number[] {
  const adjusted = [...counts];
  let difference = total - adjusted.reduce((sum, n) => sum + n, 0);
  for (let i = 0; difference !== 0; i = (i + 7) % adjusted.length) {
    const step = Math.sign(difference);
    const next = adjusted[i] + step;
    if (next < min || next > max) continue;
    adjusted[i] = next;
    difference -= step;
  }
  return adjusted;
}

/** Picks `count` candidates not yet taken, registered at least a week before `start`. */
function pickParticipants(
  pool: readonly Candidate[],
  taken: Set<string>,
  count: number,
  start: DayNumber,
  random: Random,
): string[] {
  const eligible = pool.filter((c) => !taken.has(c.id) && c.registered !== null && c.registered <= start - 7);
  ensure(eligible.length >= count, `only ${eligible.length} candidates can join an event on ${iso(start)}`);
  const chosen = random
    .shuffle(eligible)
    .slice(0, count)
    .map((c) => c.id)
    .sort();
  for (const id of chosen) taken.add(id);
  return chosen;
}

const MEETUPS: readonly [string, string, number, string][] = [
  // [start, 種別, 参加者数, 形式]: 9 sessions, 71 participants in all.
  ['2022-05-14', '交流会', 8, '対面'],
  ['2022-06-18', '勉強会', 6, 'オンライン'],
  ['2022-07-23', '交流会', 11, '対面'],
  ['2022-08-27', '勉強会', 7, 'オンライン'],
  ['2022-09-24', '交流会', 9, 'ハイブリッド'],
  ['2022-10-22', '勉強会', 5, 'オンライン'],
  ['2022-11-19', '交流会', 10, '対面'],
  ['2023-01-21', '勉強会', 6, 'オンライン'],
  ['2023-02-18', '交流会', 9, '対面'],
];
const MEETUP_TITLES: Record<string, readonly string[]> = {
  交流会: ['就職活動の体験を語り合う会', '企業で働くボランティアとの交流会'],
  勉強会: ['日本の就職活動を知る勉強会', '履歴書と面接の勉強会'],
};

function parseIso(text: string): DayNumber {
  const [year, month, dayOfMonth] = text.split('-').map(Number);
  return day(year, month, dayOfMonth);
}

/** 育成事業 in FY2022 adds up to 延べ 282: meetups 71 + mentorship 16 + CFW 6 + Japanese pilot 2 + salon + AI course 6. */
const TRAINING_TOTAL = 282;
const MENTORSHIP_TERMS: readonly [DayNumber, DayNumber, number][] = [
  [day(2022, 6, 4), day(2022, 9, 3), 5],
  [day(2022, 10, 1), day(2022, 12, 24), 6],
  [day(2023, 1, 14), day(2023, 4, 8), 5],
];
const CFW_PARTICIPANTS = 6;
const PILOT_PARTICIPANTS = 2;
const AI_COURSE_PARTICIPANTS = 6;

function makeTrainingEvents(groups: CandidateGroups): SampleEvent[] {
  const random = createRandom(2022_03);
  const events: SampleEvent[] = [];
  MEETUPS.forEach(([start, kind, participants, format], index) => {
    events.push({
      program: TRAINING,
      kind,
      title: MEETUP_TITLES[kind][index % 2],
      start: parseIso(start),
      // One date typed the Japanese way, as staff do.
      startText: index === 2 ? '2022年7月23日' : undefined,
      format,
      place: PLACE_BY_FORMAT[format],
      participants,
      staff: random.int(2, 3),
    });
  });
  // A FY2021 meetup, so that year filtering has something to leave out.
  events.push({
    program: TRAINING,
    kind: '交流会',
    title: '年度末交流会',
    start: day(2022, 3, 19),
    format: '対面',
    place: PLACE_BY_FORMAT.対面,
    participants: 12,
  });

  const taken = new Set<string>();
  MENTORSHIP_TERMS.forEach(([start, end, count], index) => {
    const ids = pickParticipants(groups.registered, taken, count, start, random);
    events.push({
      program: TRAINING,
      kind: 'メンターシップ',
      title: `メンターシッププログラム 第${index + 1}期`,
      start,
      end,
      format: 'オンライン',
      place: 'オンライン',
      participants: ids.length,
      participantIds: ids,
      staff: 2,
      note: '1対1・約3か月',
    });
  });

  events.push({
    program: TRAINING,
    kind: '研修',
    title: 'キャッシュフォーワーク 就労準備研修・OJT',
    start: day(2022, 4, 11),
    end: day(2022, 9, 30),
    format: 'ハイブリッド',
    place: PLACE_BY_FORMAT.ハイブリッド,
    participants: CFW_PARTICIPANTS,
    participantIds: groups.cashForWork.map((c) => c.id),
    staff: 2,
    note: '休眠預金活用事業',
  });

  const pilot = pickParticipants(groups.registered, new Set(), PILOT_PARTICIPANTS, day(2022, 10, 15), random);
  events.push({
    program: TRAINING,
    kind: '日本語プログラム',
    title: '就労のための日本語プログラム（パイロット版）',
    start: day(2022, 10, 15),
    end: day(2023, 1, 28),
    format: 'オンライン',
    place: 'オンライン',
    participants: pilot.length,
    participantIds: pilot,
    staff: 2,
  });
  events.push({
    program: TRAINING,
    kind: '日本語プログラム',
    title: '就労のための日本語プログラム（本格実施）',
    start: day(2023, 4, 15),
    end: day(2023, 7, 29),
    format: 'オンライン',
    place: 'オンライン',
    participants: 8,
    staff: 2,
  });

  const courseStart = day(2022, 11, 5);
  const evacuees = groups.contactedFy2022.filter((c) => c.attribute === '避難民' && c.firstContact < courseStart - 7);
  ensure(evacuees.length >= AI_COURSE_PARTICIPANTS, 'enough evacuees for the AI annotation course');
  events.push({
    program: TRAINING,
    kind: 'AIアノテーション講座',
    title: 'AIアノテーション・プログラミング講座（他団体と協働）',
    start: courseStart,
    end: day(2022, 12, 17),
    format: 'オンライン',
    place: 'オンライン',
    participants: AI_COURSE_PARTICIPANTS,
    participantIds: random
      .shuffle(evacuees)
      .slice(0, AI_COURSE_PARTICIPANTS)
      .map((c) => c.id)
      .sort(),
    staff: 1,
  });

  // Weekly salon, one hour online, every Wednesday from April 2022; its attendance fills 延べ up to 282.
  const salonDays: DayNumber[] = [];
  for (let d = day(2022, 4, 6); d <= FY2022_END; d += 7) salonDays.push(d);
  const beforeSalon = events
    .filter((e) => e.start >= FY2022_START && e.start <= FY2022_END)
    .reduce((sum, e) => sum + (e.participants ?? 0), 0);
  const salonCounts = adjustToTotal(
    salonDays.map(() => random.int(2, 5)),
    TRAINING_TOTAL - beforeSalon,
    1,
    8,
  );
  salonDays.forEach((start, index) => {
    events.push({
      program: TRAINING,
      kind: '日本語サロン',
      title: `日本語サロン 第${index + 1}回`,
      start,
      format: 'オンライン',
      place: 'オンライン',
      participants: salonCounts[index],
      staff: 1,
      note: '1時間・やさしい日本語',
    });
  });
  for (const start of [day(2023, 4, 5), day(2023, 4, 12)]) {
    events.push({
      program: TRAINING,
      kind: '日本語サロン',
      title: '日本語サロン',
      start,
      format: 'オンライン',
      place: 'オンライン',
      participants: random.int(2, 5),
      staff: 1,
    });
  }
  return events;
}

const LECTURE_TITLES = [
  '企業向け勉強会での講演',
  '大学での講義',
  '高校での出張授業',
  '自治体職員向け研修での講演',
  '業界団体セミナーでの講演',
  '市民講座での講演',
];
const MEDIA = ['新聞', 'テレビ', 'ラジオ', 'ウェブメディア', '雑誌', '通信社'];
const LECTURES = 71;
const MEDIA_APPEARANCES = 122;

/** 71 lectures (10 to 200 listeners) and 122 media appearances in FY2022, plus one lecture each side of it. */
function makeAwarenessEvents(): SampleEvent[] {
  const random = createRandom(2022_04);
  const listeners = Array.from({ length: LECTURES }, () => random.int(15, 180));
  listeners[6] = 10;
  listeners[44] = 200;
  const events: SampleEvent[] = listeners.map((participants, i) => {
    const format = random.pick(['対面', '対面', 'オンライン', 'ハイブリッド']);
    return {
      program: AWARENESS,
      kind: '講演',
      title: random.pick(LECTURE_TITLES),
      start: spreadOverYear(i, LECTURES, random),
      format,
      place:
        format === '対面' ? random.pick(['東京都内', '神奈川県内', '埼玉県内', '千葉県内']) : PLACE_BY_FORMAT[format],
      participants,
      staff: random.int(1, 2),
    };
  });
  for (let i = 0; i < MEDIA_APPEARANCES; i++) {
    const medium = random.pick(MEDIA);
    events.push({
      program: AWARENESS,
      kind: 'メディア取材',
      title: `${medium}の取材`,
      start: spreadOverYear(i, MEDIA_APPEARANCES, random),
      staff: 1,
    });
  }
  events.push(
    {
      program: AWARENESS,
      kind: '講演',
      title: '市民講座での講演',
      start: day(2022, 3, 12),
      format: '対面',
      place: '東京都内',
      participants: 5,
      staff: 1,
    },
    {
      program: AWARENESS,
      kind: '講演',
      title: '業界団体セミナーでの講演',
      start: day(2023, 4, 20),
      format: 'オンライン',
      place: 'オンライン',
      participants: 300,
      staff: 2,
    },
  );
  return events;
}

/** A first hearing for every company on its 初回ヒアリング日, and follow-up hearings in FY2022. */
function makeHearingEvents(companies: readonly Company[]): SampleEvent[] {
  const random = createRandom(2022_05);
  const hearing = (company: Company, start: DayNumber, title: string): SampleEvent => {
    const format = random.pick(['対面', 'オンライン']);
    return {
      program: PLACEMENT,
      kind: '企業ヒアリング',
      title,
      start,
      format,
      place: PLACE_BY_FORMAT[format],
      staff: random.int(1, 2),
      note: company.id,
    };
  };
  const events = companies.map((company) => hearing(company, company.firstHearing, '採用ニーズのヒアリング'));
  const followUps = random
    .shuffle(companies.filter((c) => c.firstHearing >= FY2022_START && c.firstHearing < day(2022, 12, 1)))
    .slice(0, 8);
  for (const company of followUps) {
    events.push(hearing(company, company.firstHearing + random.int(30, 90), '求人内容の確認面談'));
  }
  return events;
}

function makeEvents(companies: readonly Company[], groups: CandidateGroups): SampleTab {
  const events = [...makeTrainingEvents(groups), ...makeAwarenessEvents(), ...makeHearingEvents(companies)];
  // IDs follow the calendar, as they would in a sheet kept through the year.
  const ordered = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.start - b.event.start || a.index - b.index);
  return toTab(
    'events',
    ordered.map(({ event }, index) => ({
      eventId: `E${String(index + 1).padStart(4, '0')}`,
      program: event.program,
      kind: event.kind,
      title: event.title,
      start: event.startText ?? iso(event.start),
      end: event.end === undefined ? '' : iso(event.end),
      format: event.format ?? '',
      place: event.place ?? '',
      participants: event.participants ?? '',
      participantIds: (event.participantIds ?? []).join(','),
      staff: event.staff ?? '',
      note: event.note ?? '',
    })),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 費用

interface Cost {
  readonly date: DayNumber;
  /** The date as a person typed it, when not ISO. */
  readonly dateText?: string;
  readonly program: string;
  readonly item: '人件費' | 'その他経費';
  readonly account: string;
  readonly amount: number;
  /** The amount as typed, when not a plain number. */
  readonly amountText?: string;
  readonly memo: string;
}

interface ProgramBudget {
  readonly program: string;
  /** FY2022 total in yen: its 千円 rounding (四捨五入 and 切り捨て alike) is the reference figure. */
  readonly total: number;
  readonly monthlySalary: number;
  readonly otherRows: number;
  readonly accounts: readonly string[];
}

/** 6,408 + 9,966 + 5,218 + 800 千円 per 事業 (each ends in 300 or 100 yen), and 22,393,000 yen in all. */
export const PROGRAM_BUDGETS: readonly ProgramBudget[] = [
  {
    program: PLACEMENT,
    total: 6_408_300,
    monthlySalary: 380_000,
    otherRows: 18,
    accounts: ['旅費交通費', '通信運搬費', '支払手数料', '消耗品費', '広告宣伝費'],
  },
  {
    program: TRAINING,
    total: 9_966_300,
    monthlySalary: 420_000,
    otherRows: 30,
    accounts: ['会場費', '謝金', '業務委託費', '旅費交通費', '消耗品費', '通信運搬費'],
  },
  {
    program: AWARENESS,
    total: 5_218_300,
    monthlySalary: 250_000,
    otherRows: 16,
    accounts: ['旅費交通費', '印刷製本費', '調査研究費', '通信運搬費'],
  },
  {
    program: FUNDRAISING,
    total: 800_100,
    monthlySalary: 40_000,
    otherRows: 6,
    accounts: ['広告宣伝費', '支払手数料', '印刷製本費'],
  },
];

/** Hand-typed rows: thousands separators, 円/千円, full-width digits, 和暦 dates, and one refund. */
const TYPED_COSTS: readonly Cost[] = [
  {
    date: day(2022, 6, 1),
    dateText: 'R4.6.1',
    program: TRAINING,
    item: 'その他経費',
    account: '会場費',
    amount: 12_000,
    amountText: '12,000円',
    memo: '勉強会 会場使用料',
  },
  {
    date: day(2022, 7, 5),
    program: TRAINING,
    item: 'その他経費',
    account: '会場費',
    amount: -8_800,
    amountText: '-8,800',
    memo: '会場キャンセルによる返金',
  },
  {
    date: day(2022, 5, 10),
    dateText: '令和4年5月10日',
    program: AWARENESS,
    item: 'その他経費',
    account: '旅費交通費',
    amount: 50_000,
    amountText: '50千円',
    memo: '地方講演 交通費',
  },
  {
    date: day(2022, 7, 1),
    dateText: '2022/7/1',
    program: PLACEMENT,
    item: 'その他経費',
    account: '通信運搬費',
    amount: 120_000,
    amountText: '１２０，０００',
    memo: 'オンライン面談ツール年額',
  },
  {
    date: day(2022, 9, 30),
    dateText: '2022年9月30日',
    program: FUNDRAISING,
    item: 'その他経費',
    account: '支払手数料',
    amount: 33_000,
    amountText: '¥33,000',
    memo: '寄付決済手数料',
  },
];

/** Splits `total` into `parts` amounts in hundreds of yen; the last takes the remainder, so the sum is exact. */
function splitAmount(total: number, parts: number, random: Random): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + random.next());
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const amounts = weights.slice(0, -1).map((w) => Math.round((total * w) / weightSum / 100) * 100);
  amounts.push(total - amounts.reduce((sum, n) => sum + n, 0));
  ensure(
    amounts.every((amount) => amount > 0),
    'every split amount is positive',
  );
  return amounts;
}

const MONTHS_OF_FY2022: readonly [number, number][] = Array.from({ length: 12 }, (_, i) => [
  i < 9 ? 2022 : 2023,
  ((i + 3) % 12) + 1,
]);

function makeCosts(): SampleTab {
  const random = createRandom(2022_06);
  const costs: Cost[] = [...TYPED_COSTS];
  for (const budget of PROGRAM_BUDGETS) {
    for (const [year, month] of MONTHS_OF_FY2022) {
      costs.push({
        date: day(year, month, 25),
        program: budget.program,
        item: '人件費',
        account: '給料手当',
        amount: budget.monthlySalary,
        memo: `${month}月分 給与`,
      });
    }
    const typed = TYPED_COSTS.filter((c) => c.program === budget.program).reduce((sum, c) => sum + c.amount, 0);
    const other = budget.total - 12 * budget.monthlySalary - typed;
    splitAmount(other, budget.otherRows, random).forEach((amount, i) => {
      const account = random.pick(budget.accounts);
      costs.push({
        date: spreadOverYear(i, budget.otherRows, random),
        program: budget.program,
        item: 'その他経費',
        account,
        amount,
        memo: account,
      });
    });
  }
  // 管理費 never counts as 事業費.
  for (const [year, month] of MONTHS_OF_FY2022) {
    costs.push({
      date: day(year, month, 25),
      program: ADMIN_COST,
      item: '人件費',
      account: '給料手当',
      amount: 150_000,
      memo: `${month}月分 事務局給与`,
    });
    costs.push({
      date: day(year, month, 27),
      program: ADMIN_COST,
      item: 'その他経費',
      account: '地代家賃',
      amount: 80_000,
      memo: `${month}月分 事務所家賃`,
    });
  }
  costs.push({
    date: day(2022, 6, 30),
    program: ADMIN_COST,
    item: 'その他経費',
    account: '支払手数料',
    amount: 15_400,
    amountText: '15,400円',
    memo: '会計ソフト利用料',
  });
  // Outside FY2022, so that year filtering has something to leave out.
  costs.push(
    {
      date: day(2022, 3, 25),
      program: TRAINING,
      item: '人件費',
      account: '給料手当',
      amount: 420_000,
      memo: '3月分 給与',
    },
    {
      date: day(2022, 3, 31),
      program: AWARENESS,
      item: 'その他経費',
      account: '印刷製本費',
      amount: 27_500,
      memo: '年次報告 印刷',
    },
    {
      date: day(2023, 4, 3),
      dateText: 'R5.4.3',
      program: PLACEMENT,
      item: 'その他経費',
      account: '通信運搬費',
      amount: 9_900,
      memo: '通信費',
    },
    ...PROGRAM_BUDGETS.map(
      (budget): Cost => ({
        date: day(2023, 4, 25),
        program: budget.program,
        item: '人件費',
        account: '給料手当',
        amount: budget.monthlySalary,
        memo: '4月分 給与',
      }),
    ),
  );
  const ordered = costs
    .map((cost, index) => ({ cost, index }))
    .sort((a, b) => a.cost.date - b.cost.date || a.index - b.index);
  return toTab(
    'costs',
    ordered.map(({ cost }, index) => ({
      date: cost.dateText ?? iso(cost.date),
      program: cost.program,
      item: cost.item,
      account: cost.account,
      amount: cost.amountText ?? cost.amount,
      memo: cost.memo,
      voucher: `${cost.date < FY2022_START ? 'R3' : cost.date > FY2022_END ? 'R5' : 'R4'}-${String(index + 1).padStart(4, '0')}`,
    })),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 本文: section 1 of the report, every figure a template.

const NARRATIVE: readonly [string, string, string, string][] = [
  // [見出し, 小見出し, 本文, 本文(英語)]
  [
    '職業紹介事業',
    '',
    '職業紹介事業では、難民人材の採用を考える企業を訪ね、採用によって見込める効果や受け入れの体制について聞き取りを重ねながら、新しい採用ポジションづくりを働きかけた。今年度は{{ヒアリング企業数}}社と初めてのヒアリングを行い（面談は延べ{{イベント回数|事業内容=職業紹介事業|種別=企業ヒアリング}}回）、{{新規求人数}}件の新規求人を受け付けた。あわせて、仕事を探す難民の方一人ひとりの希望と経験を丁寧に聞き取り、企業が求める人材像と照らし合わせて紹介を行った結果、長く働き続けることを見据えた日本企業への就職が{{就職者数|就職経路=職業紹介}}件決まった。',
    'Through job placement we visited companies considering hiring refugees, discussed what such hiring could bring and how to prepare for it, and encouraged them to create new positions. This year we held first hearings with {{ヒアリング企業数}} companies ({{イベント回数|事業内容=職業紹介事業|種別=企業ヒアリング}} meetings in all) and received {{新規求人数}} new job openings. Matching each job seeker’s wishes and experience with what employers look for led to {{就職者数|就職経路=職業紹介}} hires by Japanese companies with long-term employment in view.',
  ],
  [
    '統合事業',
    '難民の方との接点構築',
    'この一年で、新たに{{新規接点数}}名の難民の方と出会うことができた。とりわけ、ウクライナやアフガニスタンから避難してきた方々とつながるため、交流の場を自ら企画するとともに、地域の催しにも積極的に足を運んだ。出会った方々には当団体の就労支援を案内し、日本で働くことを望む{{登録者数}}名が就労伴走支援サービスに登録した。登録した方とは面談を行い（{{面談実施数}}名）、そこで分かったそれぞれの状況や困りごとを、プログラムの企画と運営に生かした。',
    'Over the year we met {{新規接点数}} refugees for the first time. We put particular effort into reaching people displaced from Ukraine and Afghanistan, organising our own gatherings and taking part in local events. We introduced our employment support to the people we met, and {{登録者数}} who wish to work in Japan registered for our job support service. We interviewed them ({{面談実施数}} people) and fed what we learned about their circumstances and difficulties into the design of our programmes.',
  ],
  [
    '統合事業',
    '育成事業',
    '面談で聞き取った声をもとに、育成事業では、難民申請中の方が力をつけ、日本での仕事探しに前向きに取り組めるよう、就職活動を経験した当事者同士が体験を語り合う会や、日本の会社に勤めるボランティアを囲んで気軽に話す会を開いた。対面とオンラインを組み合わせて計{{イベント回数|事業内容=育成事業|種別=交流会,勉強会}}回開催し、参加者は延べ{{参加者数|事業内容=育成事業|種別=交流会,勉強会}}名にのぼった。',
    'Building on what we heard in interviews, the training programme helped asylum seekers build skills and approach job hunting in Japan with confidence: people who had been through the job search shared their experience with each other, and volunteers working at Japanese companies joined informal conversations. We held {{イベント回数|事業内容=育成事業|種別=交流会,勉強会}} such sessions in person and online, with {{参加者数|事業内容=育成事業|種別=交流会,勉強会}} participants in total.',
  ],
  [
    '統合事業',
    '育成事業',
    'また、ボランティアのメンターと難民の方が一対一で組み、約3か月かけてこれからのキャリアを一緒に考えるメンターシップの取り組みを{{イベント回数|種別=メンターシップ}}期にわたって実施し、合わせて{{参加者実人数|種別=メンターシップ}}名が参加した。',
    'In our mentorship programme a volunteer mentor and a refugee work as a pair for about three months to rethink the refugee’s career. We ran {{イベント回数|種別=メンターシップ}} terms, with {{参加者実人数|種別=メンターシップ}} participants in all.',
  ],
  [
    '統合事業',
    '育成事業',
    '休眠預金を財源とするキャッシュフォーワーク事業では、{{参加者実人数|事業内容=育成事業|種別=研修}}名の難民の方の就労準備研修とOJTを支えた。その結果、{{就職者数|就職経路=自己応募}}名が自分で応募した企業から内定を得て就職し、{{年度末在職者数|雇用形態=フルリモート}}名が年度末の時点でもフルリモートでの仕事を続けている。',
    'In the cash-for-work project, funded from dormant bank deposits, we supported {{参加者実人数|事業内容=育成事業|種別=研修}} refugees through job-readiness training and on-the-job training. As a result, {{就職者数|就職経路=自己応募}} found a job with a company they applied to on their own, and {{年度末在職者数|雇用形態=フルリモート}} were still working fully remotely at the end of the year.',
  ],
  [
    '統合事業',
    '育成事業',
    '来年度に向けては、日本の職場で欠かせない日本語の力を伸ばすプログラムを試行し、{{参加者数|種別=日本語プログラム}}名が参加した。試行は2023年1月に終え、そこで得た気づきをもとに内容を見直したうえで、2023年4月からの本格実施に向けて参加者の募集を始めた。さらに2022年4月からは、やさしい日本語で気軽に会話を練習できる「日本語サロン」をオンラインで毎週1時間開き（計{{イベント回数|種別=日本語サロン}}回）、肩ひじ張らずに日本語を話す場がほしいという声に応えた。',
    'Looking ahead, we piloted a programme to build the Japanese skills that Japanese workplaces require; {{参加者数|種別=日本語プログラム}} refugees took part. The pilot ended in January 2023; we revised the programme in its light and began recruiting for the full launch in April 2023. Since April 2022 we have also held a one-hour online “Japanese salon” every week ({{イベント回数|種別=日本語サロン}} sessions), where people practise conversation in plain Japanese, answering requests for a relaxed place to speak the language.',
  ],
  [
    '統合事業',
    '育成事業',
    'このほか、他の団体と協力してAIアノテーションの技能とプログラミングを学ぶ講座を開き、ウクライナから避難してきた{{参加者数|種別=AIアノテーション講座}}名が受講した。',
    'With a partner organisation we also ran a course in AI annotation and programming, attended by {{参加者数|種別=AIアノテーション講座}} people displaced from Ukraine.',
  ],
  [
    '統合事業',
    '在留資格の安定化に向けた支援',
    '育成事業での技能の習得から、就職活動の伴走、就職後の定着までを一続きで支えることで、難民認定を申請している間の「特定活動」の在留資格から、仕事に基づく在留資格への切り替えを後押ししている。今年度は新たに{{在留資格変更数}}名の在留資格の変更が認められた。',
    'By supporting people all the way from learning skills in the training programme through the job search to settling into work, we help them move from the “designated activities” status held while an asylum claim is pending to a work-based residence status. This year {{在留資格変更数}} such changes of status were granted.',
  ],
  [
    '啓発事業',
    '',
    '啓発事業では、企業や学校、自治体などに招かれ、難民の置かれた状況や共に働くことの意味について計{{イベント回数|事業内容=啓発事業|種別=講演}}回の講演を行った。聴き手の数は回によって{{参加者数最小|事業内容=啓発事業|種別=講演}}名から{{参加者数最大|事業内容=啓発事業|種別=講演}}名まで幅があった。',
    'In our awareness work we were invited by companies, schools and local governments to speak about the situation of refugees and what working together means, giving {{イベント回数|事業内容=啓発事業|種別=講演}} talks to audiences of {{参加者数最小|事業内容=啓発事業|種別=講演}} to {{参加者数最大|事業内容=啓発事業|種別=講演}} people.',
  ],
  [
    '啓発事業',
    '',
    'さらに、アフガニスタンやウクライナの情勢を受けて国内の関心が高まったことや、入管法の改正をめぐる議論が活発になったことを背景に、{{イベント回数|事業内容=啓発事業|種別=メディア取材}}回の取材に応じて発信を重ね、難民を迎え入れる日本社会の意識が変わるよう働きかけた。',
    'As events in Afghanistan and Ukraine raised public interest and the debate on amending the immigration law grew, we spoke to the media on {{イベント回数|事業内容=啓発事業|種別=メディア取材}} occasions, working to change how Japanese society sees the refugees it receives.',
  ],
];

function makeNarrative(): SampleTab {
  return toTab(
    'narrative',
    NARRATIVE.map(([heading, subheading, body, bodyEn], index) => ({
      heading,
      subheading,
      order: index + 1,
      body,
      bodyEn,
    })),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook and its CSV files

/** The whole sample, one entry per tab in the order the contract lists them; pure and deterministic. */
export function makeSampleWorkbook(): SampleTab[] {
  const companies = makeCompanies();
  const groups = makeCandidates(companies);
  return [
    makeSettings(),
    makePrograms(),
    toTab('candidates', groups.all.map(candidateRow)),
    toTab(
      'companies',
      companies.map((company) => company.row),
    ),
    makeJobOrders(companies),
    makeEvents(companies, groups),
    makeCosts(),
    makeNarrative(),
  ];
}

function quoteCsvField(value: SampleCell): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF after every record. */
export function formatCsv(values: readonly (readonly SampleCell[])[]): string {
  return values.map((row) => `${row.map(quoteCsvField).join(',')}\r\n`).join('');
}

/** Writes one UTF-8 (no BOM) CSV file per tab, named after the tab. */
export function writeSampleWorkbook(dir: string = SAMPLE_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  return makeSampleWorkbook().map((tab) => {
    const path = join(dir, `${tab.name}.csv`);
    writeFileSync(path, formatCsv(tab.values), 'utf8');
    return path;
  });
}

if (require.main === module) {
  for (const path of writeSampleWorkbook()) process.stderr.write(`wrote ${path}\n`);
}
