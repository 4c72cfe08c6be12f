import { NATURAL_COURSE, type OptionId, type OutcomeFigureData } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';
import { optionData, perHundred } from '../lib/options';
import { Cite } from './Cite';
import { EngineText } from './EngineText';
import { IconArray, type IconKind } from './IconArray';

/**
 * Figures from the decision engine's catalogue, each with its time point, every source it draws on and any
 * caveat that must stay with it. Only a figure the catalogue marks with `perHundred` (verified, counting people)
 * is drawn as an icon array; every other figure stays text, with its source's verification badge (Cite).
 */
export function FigureList({
  figures,
  kind,
  pictures = true,
  testId,
}: {
  figures: readonly OutcomeFigureData[];
  kind: IconKind;
  pictures?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="facts" data-testid={testId}>
      {figures.map((f) => {
        const ph = pictures ? perHundred(f) : null;
        return (
          <li key={f.what}>
            <strong>
              <EngineText text={f.what} />
            </strong>
            : <EngineText text={f.figure} />
            {f.counts === 'treatments' && <span className="badge"> {t('optionFacts.perTreatment')}</span>}{' '}
            <span className="muted">
              (<EngineText text={f.timePoint} />)
            </span>
            <Cite ids={[f.source, ...(f.seeAlso ?? [])]} />
            {f.note && (
              <span className="small figure-note">
                {' '}
                <EngineText text={f.note} />
              </span>
            )}
            {ph && <IconArray value={ph} kind={kind} />}
          </li>
        );
      })}
    </ul>
  );
}

/** An option's benefits, harms and limits from the decision engine's catalogue. */
export function OptionFacts({ optionId, pictures = true }: { optionId: OptionId; pictures?: boolean }) {
  const { t } = useTranslation();
  const data = optionData(optionId);
  return (
    <div className="option-facts">
      <p className="small">
        <span className="badge">{t(`evidenceCertainty.${data.certainty}`)}</span>{' '}
        <EngineText text={data.certaintyBasis} />
      </p>
      <h4>{t('optionFacts.benefits')}</h4>
      <FigureList figures={data.benefits} kind="benefit" pictures={pictures} />
      <h4>{t('optionFacts.harms')}</h4>
      {data.risks.length > 0 ? (
        <FigureList figures={data.risks} kind="harm" pictures={pictures} />
      ) : (
        <p className="small">{t('optionFacts.noHarms')}</p>
      )}
      {data.limits.length > 0 && (
        <>
          <h4>{t('optionFacts.limits')}</h4>
          <FigureList figures={data.limits} kind="harm" pictures={false} />
        </>
      )}
    </div>
  );
}

/** The course of the condition without treatment: context for every option, not a harm of observation. */
export function NaturalCourse({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const H = `h${headingLevel}` as const;
  return (
    <section className="card" aria-labelledby="natural-course-h" data-testid="natural-course">
      <H id="natural-course-h">{t('naturalCourse.h')}</H>
      <p>{t('naturalCourse.intro')}</p>
      <FigureList figures={NATURAL_COURSE} kind="course" />
    </section>
  );
}
