// This file defines the tests of the messages that list a column's choices: the words come from the schema's lists,
// so these pin the exact sentences in both languages.
import { finalizeIssue } from '../../src/core/messages';

const draft = (code: 'missing_employment_term' | 'missing_leave_reason', column: string) =>
  ({ severity: 'warning', code, tab: '候補者', cell: 'H5', column, value: '' }) as const;

describe('messages listing choices', () => {
  it.each([
    [
      'missing_employment_term',
      '雇用期間',
      'ja',
      '「雇用期間」が空欄です。職業紹介で就職した行は雇用期間（期間の定めなし / 4か月以上 / 1か月以上4か月未満 / 1か月未満）を入力してください。空欄のままでは常用・臨時・日雇のどの就職件数にも数えません',
    ],
    [
      'missing_employment_term',
      '雇用期間',
      'en',
      '"雇用期間" is empty. For a placement through 職業紹介, enter the employment term (期間の定めなし / 4か月以上 / 1か月以上4か月未満 / 1か月未満); until then it is in none of the 常用/臨時/日雇 placement counts',
    ],
    [
      'missing_leave_reason',
      '離職理由',
      'ja',
      '「離職理由」が空欄です。無期雇用で就職し6か月以内に離職した行は離職理由（解雇 / 解雇以外 / 不明）を入力してください。空欄は「解雇以外」として6か月以内離職者数に数えます',
    ],
    [
      'missing_leave_reason',
      '離職理由',
      'en',
      '"離職理由" is empty. For a permanent placement that ended within six months, enter the reason (解雇 / 解雇以外 / 不明); a blank counts as 解雇以外 in 6か月以内離職者数',
    ],
  ] as const)('%s (%s, %s)', (code, column, language, expected) => {
    expect(finalizeIssue(draft(code, column), language).message).toBe(expected);
  });
});
