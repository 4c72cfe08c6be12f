import type { SourceId } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';
import { Cite } from '../components/Cite';
import { NaturalCourse, OptionFacts } from '../components/OptionFacts';
import { OPTION_ORDER } from '../lib/options';
import { WARNING_SIGNS } from '../lib/warning-signs';

/**
 * The cited prose sections: each `learn.<id>.h` heading, then its paragraphs `learn.<id>.<p>` with the
 * sources each one rests on.
 */
export const LEARN_SECTIONS = [
  {
    id: 'what',
    paragraphs: [
      ['p1', ['spread-mdcp2015']],
      ['p2', ['lu2014', 'wang-jankovic1998']],
      ['p3', ['jnt2011-intro']],
    ],
  },
  {
    id: 'causes',
    paragraphs: [
      ['p1', ['baldauf2019']],
      ['p2', ['unusual-hfs-1642', 'yaltho2011']],
    ],
  },
] as const satisfies readonly {
  id: string;
  paragraphs: readonly (readonly [string, readonly SourceId[]])[];
}[];

/** Patient education, in plain words, evidence-corrected: every figure names its source. */
export function LearnPage() {
  const { t } = useTranslation();
  return (
    <article>
      <h1>{t('learn.title')}</h1>
      <p className="note">{t('learn.supportNote')}</p>

      {LEARN_SECTIONS.map(({ id, paragraphs }) => (
        <section key={id} className="card" aria-labelledby={`learn-${id}`}>
          <h2 id={`learn-${id}`}>{t(`learn.${id}.h`)}</h2>
          {paragraphs.map(([p, sources]) => (
            <p key={p}>
              {t(`learn.${id}.${p}`)}
              <Cite ids={sources} />
            </p>
          ))}
        </section>
      ))}

      <section className="card" aria-labelledby="learn-flags">
        <h2 id="learn-flags">{t('learn.flags.h')}</h2>
        <ul>
          {WARNING_SIGNS.map((f) => (
            <li key={f}>{t(`learn.flags.${f}`)}</li>
          ))}
        </ul>
        <p>
          {t('learn.flags.why')}
          <Cite
            ids={[
              'tan2002-qjm',
              'unusual-hfs-1642',
              'yaltho2011',
              'baizabal2017-functional',
              'galvez-jimenez2001',
            ]}
          />
        </p>
      </section>

      <NaturalCourse />

      <section aria-labelledby="learn-options">
        <h2 id="learn-options">{t('learn.options.h')}</h2>
        <p>{t('learn.options.intro')}</p>
        {OPTION_ORDER.map((id) => (
          <section key={id} className="card option-card" aria-labelledby={`learn-opt-${id}`}>
            <h3 id={`learn-opt-${id}`}>{t(`options.${id}.name`)}</h3>
            <p>{t(`options.${id}.what`)}</p>
            <OptionFacts optionId={id} />
          </section>
        ))}
      </section>
    </article>
  );
}
