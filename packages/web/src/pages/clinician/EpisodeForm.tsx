import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, usePatientWrite } from '../../api/endpoints';
import type { EpisodeKind, NewEpisode } from '../../api/types';
import { ErrorText } from '../../components/ErrorText';
import { todayIso } from '../../lib/dates';

const KINDS: EpisodeKind[] = ['botulinum_toxin', 'mvd', 'rf_neurotomy', 'oral_medication'];
const VESSELS = ['AICA', 'PICA', 'vertebral_artery', 'vein', 'other_artery', 'none_found'] as const;
type Vessel = (typeof VESSELS)[number];

const list = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Records a treatment episode; each kind has the fields the server's schema asks for. */
export function EpisodeForm({
  patientId,
  defaultSide,
}: {
  patientId: string;
  defaultSide: 'left' | 'right';
}) {
  const { t } = useTranslation();
  const create = usePatientWrite('episodes', patientId, api.createEpisode);
  const [kind, setKind] = useState<EpisodeKind>('botulinum_toxin');
  const [startDate, setStartDate] = useState(todayIso());
  const [side, setSide] = useState<'left' | 'right'>(defaultSide);
  const [complications, setComplications] = useState('');
  // botulinum toxin
  const [product, setProduct] = useState('onabotulinumtoxinA');
  const [sites, setSites] = useState([{ site: 'orbicularis oculi', units: 5 }]);
  // MVD
  const [surgeon, setSurgeon] = useState('');
  const [vessels, setVessels] = useState<Vessel[]>(['AICA']);
  const [lsr, setLsr] = useState(true);
  const [lsrGone, setLsrGone] = useState<'yes' | 'no' | 'unknown'>('yes');
  const [baep, setBaep] = useState(true);
  // RF
  const [ctGuided, setCtGuided] = useState(true);
  const [approach, setApproach] = useState('');
  const [needle, setNeedle] = useState('');
  const [temperatureC, setTemperatureC] = useState(75);
  const [durationS, setDurationS] = useState(60);
  const [hb, setHb] = useState(2);
  // oral
  const [drug, setDrug] = useState('');
  const [dose, setDose] = useState('');

  function body(): NewEpisode {
    switch (kind) {
      case 'botulinum_toxin':
        return { kind, startDate, side, product, injections: sites };
      case 'mvd':
        return {
          kind,
          startDate,
          side,
          surgeon,
          offendingVessels: vessels,
          monitoring: {
            lateralSpreadResponse: lsr,
            lsrDisappeared: lsrGone === 'unknown' ? null : lsrGone === 'yes',
            brainstemAuditoryEvokedPotentials: baep,
          },
          complications: list(complications),
        };
      case 'rf_neurotomy':
        return {
          kind,
          startDate,
          side,
          ctGuided,
          approach,
          needle,
          temperatureC,
          durationS,
          immediateHouseBrackmann: hb,
          complications: list(complications),
        };
      case 'oral_medication':
        return { kind, startDate, drug, doseSchedule: dose, sideEffects: list(complications) };
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(body());
  }

  const field = (id: string, label: string, input: React.ReactNode) => (
    <div className="field" key={id}>
      <label htmlFor={id}>{label}</label>
      {input}
    </div>
  );

  return (
    <form onSubmit={submit} data-testid="episode-form" aria-label={t('episode.title')}>
      <div className="row">
        {field(
          'ep-kind',
          t('episode.kind'),
          <select id="ep-kind" value={kind} onChange={(e) => setKind(e.target.value as EpisodeKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`options.${k}.name`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'ep-date',
          t('episode.date'),
          <input
            id="ep-date"
            type="date"
            required
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
          />,
        )}
        {kind !== 'oral_medication' &&
          field(
            'ep-side',
            t('episode.side'),
            <select id="ep-side" value={side} onChange={(e) => setSide(e.target.value as 'left' | 'right')}>
              <option value="left">{t('sides.left')}</option>
              <option value="right">{t('sides.right')}</option>
            </select>,
          )}
      </div>

      {kind === 'botulinum_toxin' && (
        <>
          {field(
            'ep-product',
            t('episode.product'),
            <input id="ep-product" required value={product} onChange={(e) => setProduct(e.target.value)} />,
          )}
          <fieldset>
            <legend>{t('episode.injections')}</legend>
            <p className="small muted">{t('episode.unitsNote')}</p>
            {sites.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and never reordered
              <div className="row" key={i}>
                {field(
                  `ep-site-${i}`,
                  t('episode.site', { n: i + 1 }),
                  <input
                    id={`ep-site-${i}`}
                    required
                    value={s.site}
                    onChange={(e) =>
                      setSites(sites.map((x, j) => (j === i ? { ...x, site: e.target.value } : x)))
                    }
                  />,
                )}
                {field(
                  `ep-units-${i}`,
                  t('episode.units'),
                  <input
                    id={`ep-units-${i}`}
                    type="number"
                    min={0.5}
                    step={0.5}
                    required
                    value={s.units}
                    onChange={(e) =>
                      setSites(sites.map((x, j) => (j === i ? { ...x, units: Number(e.target.value) } : x)))
                    }
                  />,
                )}
              </div>
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() => setSites([...sites, { site: '', units: 2.5 }])}
            >
              {t('episode.addSite')}
            </button>
          </fieldset>
        </>
      )}

      {kind === 'mvd' && (
        <>
          {field(
            'ep-surgeon',
            t('episode.surgeon'),
            <input id="ep-surgeon" required value={surgeon} onChange={(e) => setSurgeon(e.target.value)} />,
          )}
          <fieldset>
            <legend>{t('episode.vessels')}</legend>
            {VESSELS.map((v) => (
              <label key={v} className="choice">
                <input
                  type="checkbox"
                  checked={vessels.includes(v)}
                  onChange={(e) =>
                    setVessels(e.target.checked ? [...vessels, v] : vessels.filter((x) => x !== v))
                  }
                />
                {t(`episode.vessel.${v}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('episode.monitoring')}</legend>
            <label className="choice">
              <input type="checkbox" checked={lsr} onChange={(e) => setLsr(e.target.checked)} />
              {t('episode.lsr')}
            </label>
            {field(
              'ep-lsr-gone',
              t('episode.lsrGone'),
              <select
                id="ep-lsr-gone"
                value={lsrGone}
                onChange={(e) => setLsrGone(e.target.value as typeof lsrGone)}
              >
                <option value="yes">{t('common.yes')}</option>
                <option value="no">{t('common.no')}</option>
                <option value="unknown">{t('episode.unknown')}</option>
              </select>,
            )}
            <label className="choice">
              <input type="checkbox" checked={baep} onChange={(e) => setBaep(e.target.checked)} />
              {t('episode.baep')}
            </label>
          </fieldset>
        </>
      )}

      {kind === 'rf_neurotomy' && (
        <div className="row">
          <label className="choice">
            <input type="checkbox" checked={ctGuided} onChange={(e) => setCtGuided(e.target.checked)} />
            {t('episode.ctGuided')}
          </label>
          {field(
            'ep-approach',
            t('episode.approach'),
            <input
              id="ep-approach"
              required
              value={approach}
              onChange={(e) => setApproach(e.target.value)}
            />,
          )}
          {field(
            'ep-needle',
            t('episode.needle'),
            <input id="ep-needle" required value={needle} onChange={(e) => setNeedle(e.target.value)} />,
          )}
          {field(
            'ep-temp',
            t('episode.temperature'),
            <input
              id="ep-temp"
              type="number"
              min={40}
              max={95}
              value={temperatureC}
              onChange={(e) => setTemperatureC(Number(e.target.value))}
            />,
          )}
          {field(
            'ep-duration',
            t('episode.durationS'),
            <input
              id="ep-duration"
              type="number"
              min={1}
              max={600}
              value={durationS}
              onChange={(e) => setDurationS(Number(e.target.value))}
            />,
          )}
          {field(
            'ep-hb',
            t('episode.immediateHb'),
            <select id="ep-hb" value={hb} onChange={(e) => setHb(Number(e.target.value))}>
              {[1, 2, 3, 4, 5, 6].map((g) => (
                <option key={g} value={g}>
                  {['I', 'II', 'III', 'IV', 'V', 'VI'][g - 1]}
                </option>
              ))}
            </select>,
          )}
        </div>
      )}

      {kind === 'oral_medication' && (
        <div className="row">
          {field(
            'ep-drug',
            t('episode.drug'),
            <input id="ep-drug" required value={drug} onChange={(e) => setDrug(e.target.value)} />,
          )}
          {field(
            'ep-dose',
            t('episode.dose'),
            <input id="ep-dose" required value={dose} onChange={(e) => setDose(e.target.value)} />,
          )}
        </div>
      )}

      {kind !== 'botulinum_toxin' &&
        field(
          'ep-complications',
          kind === 'oral_medication' ? t('episode.sideEffects') : t('episode.complications'),
          <input
            id="ep-complications"
            value={complications}
            onChange={(e) => setComplications(e.target.value)}
            aria-describedby="ep-complications-hint"
          />,
        )}
      {kind !== 'botulinum_toxin' && (
        <p id="ep-complications-hint" className="small muted">
          {t('episode.listHint')}
        </p>
      )}
      <ErrorText error={create.error} />
      {create.isSuccess && (
        <p className="success" role="status">
          {t('common.saved')}
        </p>
      )}
      <button type="submit" disabled={create.isPending}>
        {t('episode.save')}
      </button>
    </form>
  );
}
