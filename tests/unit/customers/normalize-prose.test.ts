import { describe, expect, it } from 'vitest';
import { normalizeProse, normalizeText } from '../../../electron/core/shared/normalize';

describe('text normalisation', () => {
  it('prose keeps Chinese punctuation but folds full-width letters, digits and spaces', () => {
    expect(normalizeProse('　腾讯科技（深圳）有限公司　')).toBe('腾讯科技（深圳）有限公司');
    expect(normalizeProse('重点客户，每月初对账：ＡＢＣ１２３；  见附件。')).toBe('重点客户，每月初对账：ABC123； 见附件。');
    expect(normalizeProse('ｓａｌｅｓ＠ｅｘａｍｐｌｅ．ｃｎ')).toBe('sales@example.cn');
  });

  it('codes and login names fold everything (NFKC)', () => {
    expect(normalizeText(' ＡＤＭＩＮ（１） ')).toBe('ADMIN(1)');
  });
});
