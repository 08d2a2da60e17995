// This file defines the tests of ヘルプを表示: the exact help text, one paragraph per menu item in the menu's order.
import { menuShowHelp } from '../../src/gas/menu';
import { createFakeEnvironment, installFakes } from '../fakes';

describe('ヘルプを表示', () => {
  it('shows one paragraph per menu item, captioned as the menu is, then the privacy note', () => {
    const env = createFakeEnvironment();
    const uninstall = installFakes(env);
    try {
      menuShowHelp();
    } finally {
      uninstall();
    }
    expect(env.ui.alerts).toEqual([
      {
        kind: 'alert',
        title: 'jigyo-hokoku ヘルプ',
        buttons: 'OK',
        prompt: [
          'シートを準備: 必要なタブと見出し、入力規則を作ります。すでにある値は変えません。',
          '入力チェック: 入力内容を確認し、直すべきセルを一覧にします。',
          '事業報告書を作成: 対象年度の事業報告書を新しい Google ドキュメントに作成します。',
          '職業紹介事業報告を作成: 職業紹介事業報告書（様式第8号の数と人材サービス総合サイトの数、4月〜3月）を新しい Google ドキュメントに作成します。',
          'テンプレートから作成: 助成金の実績報告など団体の様式（Google ドキュメント）の {{…}} を集計値で埋めたコピーを作成します。',
          '報告書の数字を更新: 作成済みの報告書（生成履歴の行を選ぶとその報告書、選ばなければその年度の最後の事業報告書）の数字だけを最新の入力で書き換えます。手で直した文章や書式はそのままです。',
          'サイドバーを開く: 集計の一覧、入力チェック、報告書のプレビューを表示します。',
          '数式を再計算: =PROGRAM_COST などのカスタム関数を最新の入力で計算し直します。',
          'ヘルプ ▸ 動作確認: アドオンが使う機能を一時タブと確認用ドキュメントで試し、結果を一覧にします（入力した行は読みません）。',
          '報告書には集計値だけが載り、氏名・国籍・ID・備考などの個人情報は載りません。',
        ].join('\n\n'),
      },
    ]);
  });
});
