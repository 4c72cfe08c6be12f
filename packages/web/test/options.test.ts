import { describe, expect, it } from 'vitest';
import { perHundred } from '../src/lib/options';

describe('perHundred: which figures an icon array may picture', () => {
  it('reads one rate or one range', () => {
    expect(perHundred('91.1 %')).toEqual({ low: 91.1, high: 91.1 });
    expect(perHundred('85–95 %')).toEqual({ low: 85, high: 95 });
    expect(perHundred('17.9 % (151 patients)')).toEqual({ low: 17.9, high: 17.9 });
    expect(perHundred('48 of 53 patients (≈91 %)')).toEqual({ low: 91, high: 91 });
  });

  it('ignores a confidence interval after the rate', () => {
    expect(perHundred('88.5 % (95 % CI 86.7–90.4)')).toEqual({ low: 88.5, high: 88.5 });
  });

  it('refuses figures with several rates, an upper bound only, or no rate', () => {
    expect(perHundred('hearing loss 2.3 %; facial palsy 0.9 %; stroke <0.1 %')).toBeNull();
    expect(perHundred('10.6 % worsened, 38.5 % stable')).toBeNull();
    expect(perHundred('<0.1 %')).toBeNull();
    expect(perHundred('no rates established')).toBeNull();
    expect(perHundred('median 12 weeks (70 HFS patients)')).toBeNull();
  });
});
