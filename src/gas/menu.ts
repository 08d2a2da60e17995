// This file defines the add-on menu (Extensions ▸ jigyo-hokoku) and the global function each item calls.

export interface MenuItem {
  readonly caption: string;
  /** The name of the global function in src/index.ts. */
  readonly functionName: string;
  /** What the item does, as ヘルプを表示 says it after the caption. */
  readonly help?: string;
}

/** The add-on menu's own items, in order. */
export const MENU_ITEMS: readonly MenuItem[] = [
  {
    caption: 'シートを準備',
    functionName: 'menuPrepareSheets',
    help: '必要なタブと見出し、入力規則を作ります。すでにある値は変えません。',
  },
  { caption: '入力チェック', functionName: 'menuCheckInput', help: '入力内容を確認し、直すべきセルを一覧にします。' },
  {
    caption: '事業報告書を作成',
    functionName: 'menuCreateReport',
    help: '対象年度の事業報告書を新しい Google ドキュメントに作成します。',
  },
  {
    caption: '職業紹介事業報告を作成',
    functionName: 'menuCreateShokaiReport',
    help: '職業紹介事業報告書（様式第8号の数と人材サービス総合サイトの数、4月〜3月）を新しい Google ドキュメントに作成します。',
  },
  {
    caption: 'テンプレートから作成',
    functionName: 'menuCreateFromForm',
    help: '助成金の実績報告など団体の様式（Google ドキュメント）の {{…}} を集計値で埋めたコピーを作成します。',
  },
  {
    caption: '報告書の数字を更新',
    functionName: 'menuUpdateReport',
    help: '作成済みの報告書（生成履歴の行を選ぶとその報告書、選ばなければその年度の最後の事業報告書）の数字だけを最新の入力で書き換えます。手で直した文章や書式はそのままです。',
  },
  {
    caption: 'サイドバーを開く',
    functionName: 'menuOpenSidebar',
    help: '集計の一覧、入力チェック、報告書のプレビューを表示します。',
  },
  {
    caption: '数式を再計算',
    functionName: 'menuRecalculateFormulas',
    help: '=PROGRAM_COST などのカスタム関数を最新の入力で計算し直します。',
  },
];

/** The ヘルプ submenu, last in the add-on menu: the help text, and 動作確認 (the self-test of src/gas/self-test.ts). */
export const HELP_MENU: { readonly caption: string; readonly items: readonly MenuItem[] } = {
  caption: 'ヘルプ',
  items: [
    { caption: 'ヘルプを表示', functionName: 'menuShowHelp' },
    {
      caption: '動作確認',
      functionName: 'menuSelfTest',
      help: 'アドオンが使う機能を一時タブと確認用ドキュメントで試し、結果を一覧にします（入力した行は読みません）。',
    },
  ],
};

/** Builds the add-on menu. Runs in AuthMode.NONE too, so it touches nothing but the Ui. */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  MENU_ITEMS.forEach((item, index) => {
    // A separator keeps the daily checks apart from the yearly report and the tools.
    if (index === 2 || item.functionName === 'menuOpenSidebar') menu.addSeparator();
    menu.addItem(item.caption, item.functionName);
  });
  // Add-on menus take submenus too (Menu.addSubMenu); this one is built from the same Ui, with no call that needs
  // authorization.
  const help = ui.createMenu(HELP_MENU.caption);
  for (const item of HELP_MENU.items) help.addItem(item.caption, item.functionName);
  menu.addSubMenu(help);
  menu.addToUi();
}

/** ヘルプを表示: `caption: help` for each item in menu order (`ヘルプ ▸ 動作確認: …` in the submenu), then privacy. */
function helpText(): string {
  const line = (prefix: string) => (item: MenuItem) => (item.help ? [`${prefix}${item.caption}: ${item.help}`] : []);
  return [
    ...MENU_ITEMS.flatMap(line('')),
    ...HELP_MENU.items.flatMap(line(`${HELP_MENU.caption} ▸ `)),
    '報告書には集計値だけが載り、氏名・国籍・ID・備考などの個人情報は載りません。',
  ].join('\n\n');
}

export function menuShowHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('jigyo-hokoku ヘルプ', helpText(), ui.ButtonSet.OK);
}
