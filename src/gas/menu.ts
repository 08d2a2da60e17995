// This file defines the add-on menu (Extensions ▸ jigyo-hokoku) and the global function each item calls.

/** Caption → name of the global function in src/index.ts. */
export const MENU_ITEMS: readonly { readonly caption: string; readonly functionName: string }[] = [
  { caption: 'シートを準備', functionName: 'menuPrepareSheets' },
  { caption: '入力チェック', functionName: 'menuCheckInput' },
  { caption: '事業報告書を作成', functionName: 'menuCreateReport' },
  { caption: 'サイドバーを開く', functionName: 'menuOpenSidebar' },
  { caption: '数式を再計算', functionName: 'menuRecalculateFormulas' },
  { caption: 'ヘルプ', functionName: 'menuShowHelp' },
];

/** Builds the add-on menu. Runs in AuthMode.NONE too, so it touches nothing but the Ui. */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  MENU_ITEMS.forEach((item, index) => {
    // A separator keeps the daily checks apart from the yearly report and the tools.
    if (index === 2 || index === 4) menu.addSeparator();
    menu.addItem(item.caption, item.functionName);
  });
  menu.addToUi();
}
