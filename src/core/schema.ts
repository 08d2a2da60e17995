// This file defines the workbook contract: every tab, column and setting of DESIGN §2, in one place.
// Reading, validation, シートを準備, the .xlsx template and the README all derive from these definitions.

/** How a column's cells are read. */
export type ColumnType =
  | 'text' // free text
  | 'id' // identifier, unique within its tab when `unique`
  | 'date'
  | 'count' // non-negative whole number (people, sessions)
  | 'yen' // whole yen, may be negative (refunds)
  | 'boolean'
  | 'choice' // one of `choices` (free text allowed when `openChoices`)
  | 'idList' // comma-separated IDs of another tab
  | 'template'; // text with {{…}} placeholders (DESIGN §3)

export interface ColumnDef {
  /** Stable English key used in code. */
  readonly key: string;
  /** Japanese header (what シートを準備 writes). */
  readonly ja: string;
  /** English alias accepted as a header. */
  readonly en: string;
  readonly type: ColumnType;
  readonly required?: boolean;
  readonly unique?: boolean;
  readonly choices?: readonly string[];
  /** Choices are suggestions: other values are accepted (DESIGN §2 イベント.種別). */
  readonly openChoices?: boolean;
  /** Values must exist in another tab's column. */
  readonly ref?: { readonly tab: TabKey; readonly column: string; readonly extra?: readonly string[] };
  /** Person-level data: never reaches a report, a formula result, a log or an issue message. */
  readonly personal?: boolean;
  /**
   * Help text shown by the data-validation rule in Sheets; left out when it would only list the choices (the help is
   * then the dropdown's values joined by ` / `: input-rules' columnHelp).
   */
  readonly help?: string;
  /** Column width in pixels for シートを準備 and the template. */
  readonly width?: number;
  /** The smallest value a count or yen column accepts (求人数 ≥ 1, 手数料 ≥ 0); below it is a validation error. */
  readonly min?: number;
}

export type TabKey =
  | 'settings'
  | 'programs'
  | 'candidates'
  | 'companies'
  | 'jobOrders'
  | 'events'
  | 'costs'
  | 'narrative'
  | 'meetings'
  | 'forms'
  | 'runs';

export interface TabDef {
  readonly key: TabKey;
  readonly ja: string;
  readonly en: string;
  /** 'table': one record per row; 'settings': key/value rows; 'log': written by the add-on only. */
  readonly kind: 'table' | 'settings' | 'log';
  /** A missing optional tab reads as empty; a missing required tab is one error. */
  readonly required: boolean;
  /** Each row is a person: no value of any column reaches an issue, a template or a report (DESIGN §9 Safety). */
  readonly personRows?: boolean;
  readonly columns: readonly ColumnDef[];
}

export const PROGRAM_CATEGORIES = ['特定非営利活動', 'その他の事業'] as const;
export const PROGRAM_STATUSES = ['実施', '実施なし'] as const;
export const CANDIDATE_ATTRIBUTES = ['難民申請中', '難民認定', '補完的保護', '人道配慮', '避難民', 'その他'] as const;
export const PLACEMENT_ROUTES = ['職業紹介', '自己応募', 'その他'] as const;
export const EVENT_KINDS = [
  '交流会',
  '勉強会',
  'メンターシップ',
  '研修',
  'OJT',
  '日本語プログラム',
  '日本語サロン',
  '講演',
  'メディア取材',
  '企業ヒアリング',
  'その他',
] as const;
export const EVENT_FORMATS = ['対面', 'オンライン', 'ハイブリッド'] as const;
export const COST_ITEMS = ['人件費', 'その他経費'] as const;
/** 費用.事業内容 may name this instead of a 事業: administration costs, never 事業費. */
export const ADMIN_COST = '管理費';
export const ROUNDING_MODES = ['四捨五入', '切り捨て', '合計に合わせる'] as const;
/** 会議.種別: the meetings the 所轄庁 asks about (大阪府 asks for the 社員総会 in the 事業報告書). */
export const MEETING_KINDS = ['社員総会', '理事会', 'その他'] as const;
export const REPORT_LANGUAGES = ['ja', 'en'] as const;
/** 雇用期間 of a 求人 or a placement (様式第8号): 常用 = the first two, 臨時 = the third, 日雇 = the fourth. */
export const EMPLOYMENT_TERMS = ['期間の定めなし', '4か月以上', '1か月以上4か月未満', '1か月未満'] as const;
/** 離職理由 of a placement: 6か月以内離職者数 leaves out 解雇; 不明 is 離職不明者数. */
export const LEAVE_REASONS = ['解雇', '解雇以外', '不明'] as const;
export const YEAR_STYLES = ['西暦', '和暦'] as const;
export const REPORT_FORMS = ['標準', '記載例'] as const;
export const OTHER_BUSINESS_MODES = ['記載する', '定款にない'] as const;
export const STAFF_UNITS = ['人', '名'] as const;

/** 備考 of 候補者, 企業 and イベント: free text, often about a person (a company's note about its contact), so personal. */
const NOTE_COLUMN = {
  key: 'note',
  ja: '備考',
  en: 'Note',
  type: 'text',
  personal: true,
  help: '備考（報告書には出ません）',
  width: 200,
} as const;

export const TABS = [
  {
    key: 'settings',
    ja: '設定',
    en: 'Settings',
    kind: 'settings',
    required: true,
    columns: [
      {
        key: 'item',
        ja: '項目',
        en: 'Item',
        type: 'text',
        required: true,
        help: '設定の名前（例: 団体名）',
        width: 160,
      },
      { key: 'value', ja: '値', en: 'Value', type: 'text', help: '設定の値', width: 280 },
    ],
  },
  {
    key: 'programs',
    ja: '事業',
    en: 'Programs',
    kind: 'table',
    required: true,
    columns: [
      {
        key: 'program',
        ja: '事業内容',
        en: 'Program',
        type: 'id',
        required: true,
        unique: true,
        help: '事業の短い名前（例: 育成事業）。他のタブの「事業内容」はこの名前で指定します',
        width: 140,
      },
      {
        key: 'articleName',
        ja: '定款の事業名',
        en: 'Article name',
        type: 'text',
        required: true,
        help: '定款に記載された事業名をそのまま',
        width: 220,
      },
      {
        key: 'category',
        ja: '区分',
        en: 'Category',
        type: 'choice',
        required: true,
        choices: PROGRAM_CATEGORIES,
        help: '特定非営利活動 または その他の事業',
        width: 130,
      },
      {
        key: 'status',
        ja: '実施状況',
        en: 'Status',
        type: 'choice',
        choices: PROGRAM_STATUSES,
        help: '実施（空欄も実施）または 実施なし',
        width: 90,
      },
      {
        key: 'when',
        ja: '実施日時',
        en: 'When',
        type: 'template',
        help: '例: 通年、不定期、毎週土曜、{{イベント回数|事業内容=育成事業}}回',
        width: 110,
      },
      {
        key: 'where',
        ja: '実施場所',
        en: 'Where',
        type: 'template',
        help: '例: 関東、オンライン（{{…}} の差し込み可）',
        width: 110,
      },
      {
        key: 'staffCount',
        ja: '従事者人数',
        en: 'Staff',
        // Text: 6 prints as 6人 (人数の単位), and 毎回1名 or 延べ12人 print as typed.
        type: 'text',
        help: '従事者の人数。数（例: 6 → 6人、単位は設定の 人数の単位）か、文字（例: 毎回1名、延べ12人）をそのまま',
        width: 90,
      },
      {
        key: 'staffNote',
        ja: '従事者の備考',
        en: 'Staff note',
        type: 'template',
        help: '例: 兼任（人数のあとに括弧書きで表示されます）',
        width: 110,
      },
      {
        key: 'beneficiaryScope',
        ja: '受益対象者の範囲',
        en: 'Beneficiaries',
        type: 'text',
        help: '例: 日本で暮らす難民・避難民',
        width: 220,
      },
      {
        key: 'beneficiaryCount',
        ja: '受益対象者の人数',
        en: 'Beneficiary count',
        type: 'template',
        help: '例: {{就職者数}}名、延べ{{参加者数|事業内容=育成事業}}名。空欄は「－」',
        width: 220,
      },
      { key: 'order', ja: '表示順', en: 'Order', type: 'count', help: '報告書の表の並び順（小さい順）', width: 70 },
    ],
  },
  {
    key: 'candidates',
    ja: '候補者',
    en: 'Candidates',
    kind: 'table',
    // Optional: an NPO without employment support (a food bank) has no 候補者; a figure that needs it says so.
    required: false,
    personRows: true,
    columns: [
      {
        key: 'candidateId',
        ja: '候補者ID',
        en: 'Candidate ID',
        type: 'id',
        required: true,
        unique: true,
        personal: true,
        help: '候補者ごとに重複しないID（例: C0001）',
        width: 100,
      },
      {
        key: 'name',
        ja: '氏名',
        en: 'Name',
        type: 'text',
        personal: true,
        help: '氏名（報告書には出ません）',
        width: 140,
      },
      {
        key: 'attribute',
        ja: '属性',
        en: 'Attribute',
        type: 'choice',
        choices: CANDIDATE_ATTRIBUTES,
        width: 110,
      },
      {
        key: 'nationality',
        ja: '国籍',
        en: 'Nationality',
        type: 'text',
        personal: true,
        help: '国籍（報告書には出ません）',
        width: 110,
      },
      {
        key: 'firstContact',
        ja: '初回接点日',
        en: 'First contact',
        type: 'date',
        help: '初めて接点を持った日',
        width: 110,
      },
      {
        key: 'contactSource',
        ja: '接点のきっかけ',
        en: 'Contact source',
        type: 'text',
        personal: true,
        help: '例: イベント、紹介',
        width: 130,
      },
      {
        key: 'registered',
        ja: '登録日',
        en: 'Registered',
        type: 'date',
        help: '就労支援サービスへの登録日',
        width: 110,
      },
      {
        key: 'firstInterview',
        ja: '初回面談日',
        en: 'First interview',
        type: 'date',
        help: '初回面談の日',
        width: 110,
      },
      { key: 'hired', ja: '就職日', en: 'Hired', type: 'date', help: '就職（入社）した日', width: 110 },
      {
        key: 'employerId',
        ja: '就職先企業ID',
        en: 'Employer ID',
        type: 'id',
        ref: { tab: 'companies', column: 'companyId' },
        help: '「企業」タブの企業ID',
        width: 110,
      },
      {
        key: 'route',
        ja: '就職経路',
        en: 'Route',
        type: 'choice',
        choices: PLACEMENT_ROUTES,
        width: 100,
      },
      {
        key: 'employmentType',
        ja: '雇用形態',
        en: 'Employment type',
        type: 'text',
        help: '例: 正社員、契約社員',
        width: 100,
      },
      {
        key: 'permanent',
        ja: '無期雇用',
        en: 'Permanent',
        type: 'boolean',
        width: 80,
      },
      { key: 'left', ja: '離職日', en: 'Left', type: 'date', help: '離職した日', width: 110 },
      {
        key: 'statusChanged',
        ja: '在留資格変更日',
        en: 'Status changed',
        type: 'date',
        help: '在留資格の変更が許可された日',
        width: 120,
      },
      {
        key: 'newStatus',
        ja: '変更後の在留資格',
        en: 'New status',
        type: 'text',
        personal: true,
        help: '例: 技術・人文知識・国際業務',
        width: 160,
      },
      {
        key: 'consentDate',
        ja: '同意取得日',
        en: 'Consent date',
        type: 'date',
        help: '個人情報の取扱いについて本人の同意を得た日',
        width: 110,
      },
      NOTE_COLUMN,
      // 職業紹介 (issue 13), after 備考 so that the columns of workbooks made before them keep their letters.
      {
        key: 'seekingApplied',
        ja: '求職申込日',
        en: 'Job application',
        type: 'date',
        help: '職業紹介の求職申込みを受け付けた日（空欄のときは登録日）',
        width: 110,
      },
      {
        key: 'seekingExpires',
        ja: '求職有効期限',
        en: 'Application valid until',
        type: 'date',
        help: '求職申込みの有効期限（年度末の有効求職者数に使います）',
        width: 110,
      },
      {
        key: 'employmentTerm',
        ja: '雇用期間',
        en: 'Employment term',
        type: 'choice',
        choices: EMPLOYMENT_TERMS,
        help: '就職先の雇用期間: 期間の定めなし / 4か月以上 / 1か月以上4か月未満 / 1か月未満',
        width: 130,
      },
      {
        key: 'leaveReason',
        ja: '離職理由',
        en: 'Leave reason',
        type: 'choice',
        choices: LEAVE_REASONS,
        help: '解雇 / 解雇以外 / 不明（離職したか確認できないときも 不明）',
        width: 90,
      },
      {
        key: 'fee',
        ja: '手数料',
        en: 'Fee',
        type: 'yen',
        min: 0,
        help: '受け取った紹介手数料（円、0以上）',
        width: 100,
      },
      {
        key: 'abroad',
        ja: '国外',
        en: 'Abroad',
        type: 'boolean',
        help: '国外にわたる職業紹介なら はい（空欄は いいえ）',
        width: 60,
      },
    ],
  },
  {
    key: 'companies',
    ja: '企業',
    en: 'Companies',
    kind: 'table',
    required: false,
    columns: [
      {
        key: 'companyId',
        ja: '企業ID',
        en: 'Company ID',
        type: 'id',
        required: true,
        unique: true,
        help: '企業ごとに重複しないID（例: K001）',
        width: 90,
      },
      { key: 'companyName', ja: '企業名', en: 'Company', type: 'text', required: true, help: '企業名', width: 180 },
      { key: 'industry', ja: '業種', en: 'Industry', type: 'text', help: '例: IT、製造', width: 100 },
      { key: 'location', ja: '所在地', en: 'Location', type: 'text', help: '例: 東京都', width: 100 },
      {
        key: 'firstHearing',
        ja: '初回ヒアリング日',
        en: 'First hearing',
        type: 'date',
        help: '採用についてのヒアリングを初めて行った日',
        width: 120,
      },
      {
        key: 'newOpenings',
        ja: '新規求人数',
        en: 'New openings',
        type: 'count',
        help: '新たに受けた求人の数（0以上の整数）',
        width: 90,
      },
      {
        key: 'openingsReceived',
        ja: '求人受理日',
        en: 'Openings received',
        type: 'date',
        help: '求人を受理した日',
        width: 110,
      },
      NOTE_COLUMN,
    ],
  },
  {
    // One row per job order (求人票) of the 職業紹介事業: 様式第8号 counts 求人数 by 雇用期間 and 国外.
    key: 'jobOrders',
    ja: '求人',
    en: 'Job orders',
    kind: 'table',
    required: false,
    columns: [
      {
        key: 'jobOrderId',
        ja: '求人ID',
        en: 'Job order ID',
        type: 'id',
        required: true,
        unique: true,
        help: '求人ごとに重複しないID（例: J0001）',
        width: 90,
      },
      {
        key: 'companyId',
        ja: '企業ID',
        en: 'Company ID',
        type: 'id',
        required: true,
        ref: { tab: 'companies', column: 'companyId' },
        help: '「企業」タブの企業ID',
        width: 90,
      },
      {
        key: 'received',
        ja: '受理日',
        en: 'Received',
        type: 'date',
        required: true,
        help: '求人を受理した日',
        width: 110,
      },
      {
        key: 'expires',
        ja: '有効期限',
        en: 'Valid until',
        type: 'date',
        help: '求人の有効期限（年度末の有効求人数に使います。充足したらその日に）',
        width: 110,
      },
      {
        key: 'openings',
        ja: '求人数',
        en: 'Openings',
        type: 'count',
        required: true,
        min: 1,
        help: '募集する人数（1以上の整数）',
        width: 80,
      },
      {
        key: 'employmentTerm',
        ja: '雇用期間',
        en: 'Employment term',
        type: 'choice',
        required: true,
        choices: EMPLOYMENT_TERMS,
        width: 130,
      },
      { key: 'occupation', ja: '職種', en: 'Occupation', type: 'text', help: '例: 施工管理、調理', width: 120 },
      {
        key: 'abroad',
        ja: '国外',
        en: 'Abroad',
        type: 'boolean',
        help: '国外の事業所の求人なら はい（空欄は いいえ）',
        width: 60,
      },
      NOTE_COLUMN,
    ],
  },
  {
    key: 'events',
    ja: 'イベント',
    en: 'Events',
    kind: 'table',
    required: false,
    columns: [
      {
        key: 'eventId',
        ja: 'イベントID',
        en: 'Event ID',
        type: 'id',
        required: true,
        unique: true,
        help: 'イベントごとに重複しないID（例: E001）',
        width: 100,
      },
      {
        key: 'program',
        ja: '事業内容',
        en: 'Program',
        type: 'id',
        required: true,
        ref: { tab: 'programs', column: 'program' },
        help: '「事業」タブの事業内容',
        width: 120,
      },
      {
        key: 'kind',
        ja: '種別',
        en: 'Kind',
        type: 'choice',
        required: true,
        choices: EVENT_KINDS,
        openChoices: true,
        help: '交流会、勉強会、メンターシップ、研修、講演、メディア取材 など（一覧にない種別も入力できます）',
        width: 120,
      },
      { key: 'title', ja: '名称', en: 'Title', type: 'text', help: 'イベントの名称', width: 180 },
      {
        key: 'start',
        ja: '開始日',
        en: 'Start',
        type: 'date',
        required: true,
        help: '開始日（期間のあるものは初日）',
        width: 110,
      },
      { key: 'end', ja: '終了日', en: 'End', type: 'date', help: '期間のあるものの最終日', width: 110 },
      {
        key: 'format',
        ja: '形式',
        en: 'Format',
        type: 'choice',
        choices: EVENT_FORMATS,
        width: 100,
      },
      { key: 'place', ja: '場所', en: 'Place', type: 'text', help: '開催場所', width: 120 },
      {
        key: 'participants',
        ja: '参加者数',
        en: 'Participants',
        type: 'count',
        help: '参加した人数（0以上の整数）',
        width: 80,
      },
      {
        key: 'participantIds',
        ja: '参加者ID',
        en: 'Participant IDs',
        type: 'idList',
        personal: true,
        ref: { tab: 'candidates', column: 'candidateId' },
        help: '参加した候補者の候補者ID（カンマ区切り、任意）',
        width: 160,
      },
      { key: 'staff', ja: '従事者数', en: 'Staff', type: 'count', help: '運営に関わった人数', width: 80 },
      NOTE_COLUMN,
    ],
  },
  {
    key: 'costs',
    ja: '費用',
    en: 'Costs',
    kind: 'table',
    required: true,
    columns: [
      { key: 'date', ja: '日付', en: 'Date', type: 'date', required: true, help: '支出した日', width: 110 },
      {
        key: 'program',
        ja: '事業内容',
        en: 'Program',
        type: 'id',
        required: true,
        ref: { tab: 'programs', column: 'program', extra: [ADMIN_COST] },
        help: '「事業」タブの事業内容、または 管理費',
        width: 120,
      },
      {
        key: 'item',
        ja: '費目',
        en: 'Cost type',
        type: 'choice',
        required: true,
        choices: COST_ITEMS,
        width: 100,
      },
      { key: 'account', ja: '勘定科目', en: 'Account', type: 'text', help: '例: 給料手当、旅費交通費', width: 120 },
      {
        key: 'amount',
        ja: '金額',
        en: 'Amount',
        type: 'yen',
        required: true,
        help: '円単位の整数（例: 50000、50,000円、50千円）。返金はマイナス',
        width: 110,
      },
      {
        key: 'memo',
        ja: '摘要',
        en: 'Memo',
        type: 'text',
        personal: true,
        help: '摘要（報告書には出ません）',
        width: 220,
      },
      { key: 'voucher', ja: '証憑番号', en: 'Voucher', type: 'text', help: '領収書などの番号', width: 100 },
    ],
  },
  {
    key: 'narrative',
    ja: '本文',
    en: 'Narrative',
    kind: 'table',
    required: false,
    columns: [
      {
        key: 'heading',
        ja: '見出し',
        en: 'Heading',
        type: 'text',
        required: true,
        help: '例: 職業紹介事業',
        width: 140,
      },
      { key: 'subheading', ja: '小見出し', en: 'Subheading', type: 'text', help: '例: 育成事業（任意）', width: 160 },
      { key: 'order', ja: '順序', en: 'Order', type: 'count', help: '報告書での順番（小さい順）', width: 60 },
      {
        key: 'body',
        ja: '本文',
        en: 'Body',
        type: 'template',
        required: true,
        help: '段落の本文。{{就職者数}} のように指標を差し込めます',
        width: 480,
      },
      {
        key: 'bodyEn',
        ja: '本文(英語)',
        en: 'Body (English)',
        type: 'template',
        help: '英語版の本文（任意）',
        width: 320,
      },
    ],
  },
  {
    // One row per meeting: the organisation's own governance, printed as typed in ３．社員総会等の開催状況. 議題 and
    // 結果 are about the organisation, not about a person, and are printed by design (like 本文), so not `personal`.
    key: 'meetings',
    ja: '会議',
    en: 'Meetings',
    kind: 'table',
    required: false,
    columns: [
      { key: 'date', ja: '開催日', en: 'Date', type: 'date', required: true, help: '会議を開いた日', width: 110 },
      {
        key: 'kind',
        ja: '種別',
        en: 'Kind',
        type: 'choice',
        required: true,
        choices: MEETING_KINDS,
        width: 100,
      },
      {
        key: 'attendance',
        ja: '出席者数',
        en: 'Attendance',
        type: 'count',
        help: '出席した人数（0以上の整数）',
        width: 80,
      },
      {
        key: 'agenda',
        ja: '議題',
        en: 'Agenda',
        type: 'text',
        help: '例: 2022年度事業報告及び活動決算の承認（報告書にそのまま載ります。個人の名前は書かないでください）',
        width: 320,
      },
      {
        key: 'result',
        ja: '結果',
        en: 'Result',
        type: 'text',
        help: '例: 原案どおり承認（報告書にそのまま載ります）',
        width: 160,
      },
    ],
  },
  {
    // Templates of テンプレートから作成: each use adds or updates its row; staff may add rows too.
    key: 'forms',
    ja: '様式',
    en: 'Forms',
    kind: 'table',
    required: false,
    columns: [
      {
        key: 'formName',
        ja: '名前',
        en: 'Name',
        type: 'text',
        help: 'テンプレートの名前（例: 助成金実績報告）',
        width: 220,
      },
      {
        key: 'formUrl',
        ja: '文書URL',
        en: 'Document URL',
        type: 'text',
        help: 'テンプレートの Google ドキュメントの URL',
        width: 420,
      },
    ],
  },
  {
    key: 'runs',
    ja: '生成履歴',
    en: 'Runs',
    kind: 'log',
    required: false,
    columns: [
      { key: 'at', ja: '日時', en: 'At', type: 'text', help: '生成した日時', width: 140 },
      { key: 'year', ja: '年度', en: 'Year', type: 'text', help: '報告書の年度', width: 60 },
      { key: 'format', ja: '形式', en: 'Format', type: 'text', help: 'Google ドキュメント など', width: 120 },
      { key: 'location', ja: '文書URL/パス', en: 'Document URL/path', type: 'text', help: '生成した文書', width: 320 },
      { key: 'warnings', ja: '警告数', en: 'Warnings', type: 'text', help: '生成時の警告の数', width: 70 },
      { key: 'user', ja: '実行者', en: 'User', type: 'text', help: '実行した人', width: 180 },
    ],
  },
] as const satisfies readonly TabDef[];

export type SettingKey =
  | 'orgName'
  | 'fiscalYear'
  | 'fiscalStartMonth'
  | 'firstYearStart'
  | 'rounding'
  | 'suppressionThreshold'
  | 'language'
  | 'yearStyle'
  | 'form'
  | 'otherBusiness'
  | 'staffUnit'
  | 'statementProgramCost';

export interface SettingDef {
  readonly key: SettingKey;
  readonly ja: string;
  readonly en: string;
  readonly type: 'text' | 'year' | 'month' | 'date' | 'count' | 'choice' | 'yen';
  readonly required?: boolean;
  readonly choices?: readonly string[];
  readonly default?: string | number;
  readonly help: string;
}

/** Rows of the 設定 tab (項目 → 値). */
export const SETTINGS: readonly SettingDef[] = [
  { key: 'orgName', ja: '団体名', en: 'Organization', type: 'text', required: true, help: '報告書に載る団体名' },
  {
    key: 'fiscalYear',
    ja: '対象年度',
    en: 'Fiscal year',
    type: 'year',
    required: true,
    help: '報告する年度（例: 2022 は 2022年4月に始まる年度）',
  },
  {
    key: 'fiscalStartMonth',
    ja: '年度開始月',
    en: 'Fiscal start month',
    type: 'month',
    default: 4,
    help: '年度が始まる月（1〜12、既定 4）',
  },
  {
    key: 'firstYearStart',
    ja: '初年度開始日',
    en: 'First year start',
    type: 'date',
    help: '設立初年度など、年度の途中から始まる場合の開始日（任意）',
  },
  {
    key: 'rounding',
    ja: '端数処理',
    en: 'Rounding',
    type: 'choice',
    choices: ROUNDING_MODES,
    default: '四捨五入',
    help: '千円未満の端数処理: 四捨五入（既定）、切り捨て、または 合計に合わせる（各事業の千円の合計が総費用と一致するよう、端数の大きい事業から1千円ずつ調整。動かした事業は警告で知らせます）',
  },
  {
    key: 'statementProgramCost',
    ja: '活動計算書の事業費計',
    en: 'Statement program cost',
    type: 'yen',
    help: '活動計算書の「事業費計」（合計欄: 特定非営利活動とその他の事業の両方、管理費を除く）を円で（任意。例: 12,345,678。12,346千円 と書くと千円単位で照合）。費用タブの年度の事業費の合計と違えば警告します',
  },
  {
    key: 'suppressionThreshold',
    ja: '秘匿しきい値',
    en: 'Suppression threshold',
    type: 'count',
    default: 3,
    help: '属性別の人数でこれ未満のもの（と差し引きでわかるもの）は報告書で「（秘匿）」と表示（既定 3、3未満は警告）',
  },
  {
    key: 'language',
    ja: '報告書言語',
    en: 'Report language',
    type: 'choice',
    choices: REPORT_LANGUAGES,
    default: 'ja',
    help: 'ja（日本語、既定）または en（英語）',
  },
  {
    key: 'yearStyle',
    ja: '年の表記',
    en: 'Year style',
    type: 'choice',
    choices: YEAR_STYLES,
    default: '西暦',
    help: '報告書の年と日付: 西暦（既定。2022年度）または 和暦（令和4年度）。英語の報告書はいつも西暦',
  },
  {
    key: 'form',
    ja: '様式',
    en: 'Form',
    type: 'choice',
    choices: REPORT_FORMS,
    default: '標準',
    help: '事業の表の様式: 標準（既定、8列）または 記載例（内閣府の記載例の7列）',
  },
  {
    key: 'otherBusiness',
    ja: 'その他の事業',
    en: 'Other business',
    type: 'choice',
    choices: OTHER_BUSINESS_MODES,
    default: '記載する',
    help: '記載する（既定）または 定款にない（報告書に（２）その他の事業を載せません）',
  },
  {
    key: 'staffUnit',
    ja: '人数の単位',
    en: 'Staff unit',
    type: 'choice',
    choices: STAFF_UNITS,
    default: '人',
    help: '従事者人数を数で書いたときの単位: 人（既定）または 名',
  },
];

export type TabsSchema = typeof TABS;
export type TabDefOf<K extends TabKey> = Extract<TabsSchema[number], { key: K }>;

/** Finds a tab definition by key. */
export function tabDef<K extends TabKey>(key: K): TabDefOf<K> {
  return TABS.find((tab) => tab.key === key) as TabDefOf<K>;
}

/** Finds a setting definition by key. */
export function settingDef(key: SettingKey): SettingDef {
  return SETTINGS.find((setting) => setting.key === key) as SettingDef;
}
