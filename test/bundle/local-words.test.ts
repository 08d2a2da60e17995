// This file defines the check that dist/Code.js carries none of the local runner's words (src/node/local-messages.ts):
// Apps Script never reads a file, so those messages would only weigh on every load.
import { BUNDLE_PATH, readBuilt } from '../helpers/bundle';

describe('dist/Code.js and the local runner’s words', () => {
  it('holds no wording of undecodable_text in either language', () => {
    const code = readBuilt(BUNDLE_PATH);
    expect(code).not.toContain('として読めないバイト');
    expect(code).not.toContain('save it again as CSV UTF-8');
    // The core still knows the code is the adapter's to word.
    expect(code).toContain('"undecodable_text"');
  });
});
