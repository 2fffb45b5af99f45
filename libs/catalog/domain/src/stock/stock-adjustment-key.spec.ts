import { stockAdjustmentKeyId } from './stock-adjustment-key';

describe('stockAdjustmentKeyId', () => {
  it('is one id per (user, key)', () => {
    const admin = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    expect(stockAdjustmentKeyId(admin, 'k')).toBe(stockAdjustmentKeyId(admin, 'k'));
    expect(stockAdjustmentKeyId(admin, 'k')).not.toBe(stockAdjustmentKeyId(admin, 'k2'));
    expect(stockAdjustmentKeyId(admin, 'k')).not.toBe(stockAdjustmentKeyId('bbbbbbbbbbbbbbbbbbbbbbbb', 'k'));
    expect(stockAdjustmentKeyId(admin, 'k')).toMatch(/^[0-9a-f]{64}$/);
  });
});
