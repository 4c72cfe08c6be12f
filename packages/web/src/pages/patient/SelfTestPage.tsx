import { analyzeSignals, type SpasmAnalysis } from '@hemispasm/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, usePatientWrite } from '../../api/endpoints';
import { CameraVideo, StartStop } from '../../components/CameraControls';
import { CoveredEyes, coveredSeconds } from '../../components/CoveredEyes';
import { ErrorText } from '../../components/ErrorText';
import { EventsTimeline, isLowerFace } from '../../components/EventsTimeline';
import { MeasurementWarnings } from '../../components/MeasurementWarnings';
import { SaveSummary } from '../../components/SaveSummary';
import type { Overlay } from '../../lib/selftest/landmarkClient';
import { runSelfTest, type SelfTestProgress } from '../../lib/selftest/runSelfTest';
import { useCameraTest } from '../../lib/selftest/useCameraTest';

/** The product's test length; a shorter one may be asked for in the URL (`?duration=15`), for testing. */
export const DEFAULT_DURATION_S = 60;

export function testDuration(query: URLSearchParams): number {
  const asked = Number(query.get('duration'));
  return Number.isFinite(asked) && asked >= 5 && asked <= 120 ? asked : DEFAULT_DURATION_S;
}

type Phase = 'idle' | 'starting' | 'running' | 'done' | 'error';

/** Highest analysis rate: 30 frames/s resolves a 0.1 s twitch (3 frames); 15 missed a third of the short ones. */
export const MAX_FPS = 30;

/** The camera's own frame rate, at most MAX_FPS (30 when the browser does not say). */
export function cameraFps(stream: MediaStream): number {
  const rate = stream.getVideoTracks()[0]?.getSettings().frameRate;
  return Math.max(5, Math.min(MAX_FPS, Math.round(rate && rate > 0 ? rate : MAX_FPS)));
}

function drawOverlay(canvas: HTMLCanvasElement | null, overlay: Overlay | undefined, w: number, h: number) {
  if (!canvas) return;
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, w, h);
  if (!overlay) return;
  ctx.lineWidth = 2;
  for (const [pts, colour] of [
    [overlay.leftEye, '#3c9be0'],
    [overlay.rightEye, '#f07a3c'],
  ] as const) {
    if (pts.length < 2) continue;
    ctx.strokeStyle = colour;
    ctx.beginPath();
    for (const [i, [x, y]] of pts.entries()) {
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.closePath();
    ctx.stroke();
  }
}

/**
 * The spasm self-test: the camera, a live eye overlay, and the analysis in the vision package's Web
 * Worker. The video stays in this tab; only the summary (counts, rates, events) is saved.
 */
export function SelfTestPage({ patientId, query }: { patientId: string; query: URLSearchParams }) {
  const { t } = useTranslation();
  const durationS = testDuration(query);
  const camera = useCameraTest();
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState<SelfTestProgress | null>(null);
  const [faceSeen, setFaceSeen] = useState<boolean | null>(null);
  const [analysis, setAnalysis] = useState<SpasmAnalysis | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [counts, setCounts] = useState<{ live: number; after: number; fps: number } | null>(null);
  // The patient's recorded affected side, for the side check on the result.
  const patient = useQuery({
    queryKey: ['patient', patientId, 'record'],
    queryFn: () => api.patient(patientId),
  });
  const lastProgress = useRef<SelfTestProgress | null>(null);
  const save = usePatientWrite('measurements', patientId, api.createMeasurement);

  async function start() {
    setPhase('starting');
    setError(null);
    setAnalysis(null);
    save.reset();
    try {
      const { frames, fps } = await camera.run(
        async ({ video, stream, client, signal }) => {
          setPhase('running');
          const fps = cameraFps(stream);
          const frames = await runSelfTest({
            video,
            client,
            durationS,
            fps,
            signal,
            onProgress: (p) => {
              lastProgress.current = p;
              setProgress(p);
            },
            onOverlay: (o, w, h) => {
              setFaceSeen(!!o);
              drawOverlay(overlayRef.current, o, w, h);
            },
          });
          return { frames, fps };
        },
        { frameRate: MAX_FPS },
      );
      setAnalysis(analyzeSignals({ frames, fps }));
      setCounts({
        live: lastProgress.current?.liveFrames ?? 0,
        after: frames.length - (lastProgress.current?.liveFrames ?? 0),
        fps,
      });
      setPhase('done');
    } catch (e) {
      if ((e as Error).name !== 'AbortError') {
        setError(e);
        setPhase('error');
      }
    } finally {
      drawOverlay(overlayRef.current, undefined, 1, 1);
    }
  }

  function stop() {
    camera.stop();
    setPhase('idle');
  }

  const saveSummary = () => analysis && save.mutate({ recordedAt: new Date().toISOString(), analysis });
  const covered = analysis && coveredSeconds(analysis);

  return (
    <article>
      <h1>{t('selfTest.title')}</h1>
      <p className="note" data-testid="privacy">
        <strong>{t('selfTest.privacy')}</strong> {t('selfTest.privacyDetail')}
      </p>
      <p>{t('selfTest.instructions', { seconds: durationS })}</p>
      <div className="video-wrap">
        <CameraVideo videoRef={camera.videoRef} />
        <canvas
          ref={overlayRef}
          className="overlay"
          style={{ transform: 'scaleX(-1)', width: '100%', height: '100%' }}
        />
      </div>
      <p role="status" aria-live="polite" data-testid="selftest-status">
        {phase === 'starting' && t('selfTest.starting')}
        {phase === 'running' &&
          progress?.phase === 'recording' &&
          t('selfTest.recording', { elapsed: Math.round(progress.elapsedS), total: durationS })}
        {phase === 'running' &&
          progress?.phase === 'analysing' &&
          t('selfTest.analysing', { done: progress.analysedAfter, total: progress.storedFrames })}
        {phase === 'running' && faceSeen === false && ` ${t('selfTest.noFace')}`}
        {phase === 'done' && t('selfTest.finished')}
      </p>
      <StartStop
        running={phase === 'running' || phase === 'starting'}
        startLabel={phase === 'done' ? t('selfTest.again') : t('selfTest.start')}
        onStart={() => void start()}
        onStop={stop}
      />
      <ErrorText error={error} />

      {analysis && (
        <section className="card" aria-labelledby="selftest-result" data-testid="selftest-result">
          <h2 id="selftest-result">{t('selfTest.result')}</h2>
          <dl className="grid">
            <div>
              <dt>{t('selfTest.spasms')}</dt>
              <dd data-testid="spasm-count">{analysis.spasmCount}</dd>
            </div>
            <div>
              <dt>{t('selfTest.lowerFace')}</dt>
              <dd data-testid="lower-face-count">{analysis.events.filter(isLowerFace).length}</dd>
            </div>
            <div>
              <dt>{t('selfTest.rate')}</dt>
              <dd>{t('selfTest.perMinute', { value: analysis.spasmsPerMinute.toFixed(1) })}</dd>
            </div>
            <div>
              <dt>{t('selfTest.side')}</dt>
              <dd data-testid="spasm-side">{t(`sides.${analysis.side}`)}</dd>
            </div>
            <div>
              <dt>{t('selfTest.blinks')}</dt>
              <dd>{t('selfTest.perMinute', { value: analysis.blinksPerMinute.toFixed(1) })}</dd>
            </div>
            <div>
              <dt>{t('selfTest.noFaceTime')}</dt>
              <dd>{t('selfTest.seconds', { value: analysis.noFaceS.toFixed(1) })}</dd>
            </div>
            {covered && (
              <div>
                <dt>{t('selfTest.coveredTime')}</dt>
                <dd data-testid="covered-seconds">{t('selfTest.coveredValue', covered)}</dd>
              </div>
            )}
          </dl>
          <MeasurementWarnings analysis={analysis} recordedSide={patient.data?.affectedSide} />
          <CoveredEyes analysis={analysis} />
          <EventsTimeline analysis={analysis} />
          {counts && (
            <p className="small muted" data-testid="analysis-mode">
              {t('selfTest.framesNote', counts)}{' '}
              {t(counts.after > 0 ? 'selfTest.modeAfter' : 'selfTest.modeLive')}
            </p>
          )}
          <p className="small muted">{t('selfTest.resultNote')}</p>
          <SaveSummary save={save} onSave={saveSummary} />
        </section>
      )}
    </article>
  );
}
