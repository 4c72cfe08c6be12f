import { analyzeSignals, type SignalFrame, type SpasmAnalysis } from '@hemispasm/core';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CoveredEyes } from '../src/components/CoveredEyes';
import en from '../src/i18n/en.json';
import zh from '../src/i18n/zh.json';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

/** 20 s at 30 fps of a face at rest whose right eye a hand covers from 8 s to 12 s. */
function coveredRightEye(): SpasmAnalysis {
  const frames: SignalFrame[] = [];
  for (let i = 0; i < 600; i++) {
    const t = i / 30;
    const covered = t >= 8 && t < 12;
    frames.push({ t, eyeL: 0.3, eyeR: 0.3, mouthL: 0, mouthR: 0, occludedR: covered });
  }
  return analyzeSignals({ frames, fps: 30 });
}

const text = (analysis: SpasmAnalysis, lng: 'en' | 'zh', compact = false) => {
  void i18n.changeLanguage(lng);
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(CoveredEyes, { analysis, compact })),
  ).replace(/<[^>]+>/g, '');
};

describe('covered eyes on a spasm measurement', () => {
  it('gives the seconds each eye was covered, and says they were not measured (en, zh)', () => {
    const analysis = coveredRightEye();
    // 4 s flagged plus the analysis' margin either side.
    expect(analysis.occludedS?.right).toBeGreaterThan(4);
    const right = analysis.occludedS!.right.toFixed(1);
    const en = text(analysis, 'en');
    expect(en).toContain(`the left eye for 0.0 s, the right eye for ${right} s`);
    expect(en).toContain('Those seconds were not measured');
    expect(text(analysis, 'zh')).toContain(`左眼 0.0 秒，右眼 ${right} 秒。这些时间没有被测量`);
    expect(text(analysis, 'en', true)).toBe(` · eye covered: left 0.0 s, right ${right} s (not measured)`);
  });

  it('says nothing when no eye was covered, or the analysis predates the covered-eye check', () => {
    const analysis = coveredRightEye();
    expect(text({ ...analysis, occludedS: { left: 0, right: 0 } }, 'en')).toBe('');
    const { occludedS: _, ...before22 } = analysis;
    expect(text(before22, 'en', true)).toBe('');
  });
});
