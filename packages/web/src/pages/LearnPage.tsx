import { useTranslation } from 'react-i18next';
import { Cite } from '../components/Cite';
import { NaturalCourse, OptionFacts } from '../components/OptionFacts';
import { OPTION_ORDER } from '../lib/options';
import { WARNING_SIGNS } from '../lib/warning-signs';

/** Patient education, in plain words, evidence-corrected: every figure names its source. */
export function LearnPage() {
  const { t } = useTranslation();
  return (
    <article>
      <h1>{t('learn.title')}</h1>
      <p className="note">{t('learn.supportNote')}</p>

      <section className="card" aria-labelledby="learn-what">
        <h2 id="learn-what">{t('learn.what.h')}</h2>
        <p>
          {t('learn.what.p1')}
          <Cite ids={['spread-mdcp2015']} />
        </p>
        <p>
          {t('learn.what.p2')}
          <Cite ids={['lu2014', 'wang-jankovic1998']} />
        </p>
        <p>
          {t('learn.what.p3')}
          <Cite ids={['jnt2011-intro']} />
        </p>
      </section>

      <section className="card" aria-labelledby="learn-causes">
        <h2 id="learn-causes">{t('learn.causes.h')}</h2>
        <p>
          {t('learn.causes.p1')}
          <Cite ids={['baldauf2019']} />
        </p>
        <p>
          {t('learn.causes.p2')}
          <Cite ids={['unusual-hfs-1642', 'yaltho2011']} />
        </p>
      </section>

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
