// Tests of the message step: what an issue's words may carry of the cell that caused it.
import { finalizeIssue, formatIssue } from '../../src/core/messages';

describe('finalizeIssue', () => {
  const draft = {
    severity: 'error' as const,
    code: 'invalid_choice' as const,
    tab: '事業\u001b[2J',
    cell: 'C2',
    column: '区分\u0007',
    value: '特定\u001b]0;pwned\u0007\r\nその他\u009b',
    params: { expected: '特定非営利活動、その他の事業' },
  };

  it('never lets an ESC, BEL, C1 control or line break of a typed cell reach the message (a terminal would obey it)', () => {
    const issue = finalizeIssue(draft, 'ja');
    expect(issue.message).toBe(
      '「区分」の「特定]0;pwned その他」は選択肢にありません（特定非営利活動、その他の事業 のいずれか）',
    );
    expect(formatIssue(issue)).toBe(
      '事業[2J!C2: 「区分」の「特定]0;pwned その他」は選択肢にありません（特定非営利活動、その他の事業 のいずれか）',
    );
  });

  it('cleans the English message the same way', () => {
    const issue = finalizeIssue(draft, 'en');
    expect(issue.message).toBe('"区分": "特定]0;pwned その他" is not one of 特定非営利活動、その他の事業');
  });

  it('keeps the issue fields as typed, so the sidebar still finds the tab by its exact name', () => {
    const issue = finalizeIssue(draft, 'ja');
    expect(issue.tab).toBe('事業\u001b[2J');
    expect(issue.value).toBe(draft.value);
  });
});
