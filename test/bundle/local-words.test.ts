// This file defines the check that dist/Code.js carries none of the local runner's words (src/node/local-messages.ts):
// Apps Script never reads a file nor lacks Sheets, so those messages would only weigh on every load.
import { BUNDLE_PATH, readBuilt } from '../helpers/bundle';

describe('dist/Code.js and the local runner’s words', () => {
  it('holds no wording of the local codes in either language', () => {
    const code = readBuilt(BUNDLE_PATH);
    expect(code).not.toContain('として読めないバイト');
    expect(code).not.toContain('save it again as CSV UTF-8');
    // Nor what only the dev server says: Sheets alone fills Google Doc forms and updates Google Docs.
    expect(code).not.toContain('スプレッドシートのアドオンから使えます');
    expect(code).not.toContain('Sheets からだけ更新できます');
    expect(code).not.toContain('is updated from Sheets only');
    // The core still knows these codes are the adapter's to word.
    expect(code).toContain('"undecodable_text","form_sheets_only","update_sheets_only"');
  });
});
