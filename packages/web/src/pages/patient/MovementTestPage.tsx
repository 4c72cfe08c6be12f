import {
  analyzeMovement,
  DEFAULT_SCRIPT,
  type MovementAnalysis,
  type MovementFrame,
  promptAt,
} from '@hemispasm/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, usePatientWrite } from '../../api/endpoints';
import { CameraVideo, StartStop } from '../../components/CameraControls';
import { ErrorText } from '../../components/ErrorText';
import { MovementResult } from '../../components/MovementResult';
import { SaveSummary } from '../../components/SaveSummary';
import { runSelfTest, type SelfTestProgress } from '../../lib/selftest/runSelfTest';
import { useCameraTest } from '../../lib/selftest/useCameraTest';

type Phase = 'idle' | 'starting' | 'running' | 'analysing' | 'done' | 'error';

const SCRIPT = DEFAULT_SCRIPT;
/**
 * 15 frames/s: each prompt is held 3 s, so 30 would double the work (the slow devices' wait) and add
 * nothing to a hold's median; the spasm self-test keeps 30 for its 0.1 s twitches.
 */
const FPS = 15;

/**
 * A short beep at each prompt's start and end: with the eyes shut the patient cannot read the screen,
 * so they hear when to open them. WebAudio, started from the click (no autoplay block), no files.
 */
function beeper(): { beep(high: boolean): void; close(): void } {
  const Ctx = window.AudioContext;
  if (!Ctx) return { beep() {}, close() {} };
  const ctx = new Ctx();
  return {
    beep(high) {
      const o = ctx.createOscillator();
      const g = ctx.createGain();
      o.frequency.value = high ? 880 : 587;
      g.gain.setValueAtTime(0.15, ctx.currentTime);
      g.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.25);
      o.connect(g).connect(ctx.destination);
      o.start();
      o.stop(ctx.currentTime + 0.25);
    },
    close: () => void ctx.close(),
  };
}

/**
 * The guided facial-movement test (patient portal, and the clinician's workspace with the patient in
 * front of the camera): about 30 s of on-screen prompts timed by the app, each held 3 s with a rest
 * between; the frames go to the vision package's landmark worker and the analysis runs in the page
 * (@hemispasm/core analyzeMovement). The video never leaves the device; only the summary is saved.
 */
export function MovementTestPage({ patientId, backHref }: { patientId: string; backHref?: string }) {
  const { t } = useTranslation();
  const camera = useCameraTest();
  const [phase, setPhase] = useState<Phase>('idle');
  const [clock, setClock] = useState<number | null>(null);
  const [progress, setProgress] = useState<SelfTestProgress | null>(null);
  const [analysis, setAnalysis] = useState<MovementAnalysis | null>(null);
  const [error, setError] = useState<unknown>(null);
  const save = usePatientWrite('movementTests', patientId, api.createMovementTest);

  async function start() {
    setPhase('starting');
    setError(null);
    setAnalysis(null);
    setClock(null);
    setProgress(null);
    save.reset();
    const sound = beeper();
    let ticker: number | undefined;
    try {
      const frames = await camera.run(async ({ video, client, signal, grantedMs }) => {
        setPhase('running');
        const frames: MovementFrame[] = [];
        await runSelfTest({
          video,
          client,
          durationS: SCRIPT.durationS,
          fps: FPS,
          signal,
          movement: true,
          // The prompts run on the wall clock from when the camera's pictures begin; every frame is stamped
          // with when it was taken, so a slow device loses frames but never shifts them against the prompts.
          keepPace: true,
          originMs: grantedMs,
          onStart: (startMs) => {
            let lastPrompt: string | null = null;
            ticker = window.setInterval(() => {
              const s = (performance.now() - startMs) / 1000;
              setClock(s);
              const p = promptAt(SCRIPT, s)?.movement ?? null;
              if (p !== lastPrompt && s < SCRIPT.durationS) sound.beep(p !== null);
              lastPrompt = p;
            }, 100);
          },
          onReply: (time, reply) => {
            if (reply.movement) frames.push({ ...reply.movement, t: time });
          },
          onProgress: (p) => {
            setProgress(p);
            if (p.phase === 'analysing') setPhase('analysing');
          },
        });
        return frames;
      });
      window.clearInterval(ticker);
      frames.sort((a, b) => a.t - b.t);
      setAnalysis(analyzeMovement({ frames }, { script: SCRIPT }));
      setPhase('done');
    } catch (e) {
      if ((e as Error).name !== 'AbortError') {
        setError(e);
        setPhase('error');
      }
    } finally {
      window.clearInterval(ticker);
      sound.close();
    }
  }

  function stop() {
    camera.stop();
    setPhase('idle');
    setClock(null);
  }

  const saveSummary = () =>
    analysis && save.mutate({ kind: 'movement', recordedAt: new Date().toISOString(), analysis });

  const current = clock === null ? null : promptAt(SCRIPT, clock);
  const promptText =
    phase !== 'running' || clock === null
      ? null
      : current
        ? t(`movements.${current.movement}.prompt`)
        : clock < SCRIPT.segments[0]!.startS
          ? t('movementTest.getReady')
          : clock < SCRIPT.durationS
            ? t('movementTest.relax')
            : null;
  const left = current ? Math.max(0, Math.ceil(current.endS - (clock ?? 0))) : null;

  return (
    <article>
      {backHref && (
        <p className="no-print">
          <a href={backHref}>← {t('movementTest.back')}</a>
        </p>
      )}
      <h1>{t('movementTest.title')}</h1>
      <p className="note" data-testid="privacy">
        <strong>{t('selfTest.privacy')}</strong> {t('movementTest.privacyDetail')}
      </p>
      <p>{t('movementTest.intro', { seconds: Math.round(SCRIPT.durationS) })}</p>
      <p>{t('movementTest.instructions')}</p>
      <div className="video-wrap">
        <CameraVideo videoRef={camera.videoRef} />
        {promptText && (
          <p
            className="prompt-overlay"
            data-testid="movement-prompt"
            data-movement={current?.movement ?? 'relax'}
          >
            {promptText}
            {left !== null && <span className="prompt-count"> {left}</span>}
          </p>
        )}
      </div>
      <p role="status" aria-live="polite" data-testid="movement-status">
        {phase === 'starting' && t('movementTest.starting')}
        {phase === 'running' &&
          clock !== null &&
          t('movementTest.running', {
            elapsed: Math.min(Math.round(clock), Math.round(SCRIPT.durationS)),
            total: Math.round(SCRIPT.durationS),
          })}
        {phase === 'analysing' &&
          progress &&
          t('movementTest.analysing', { done: progress.analysedAfter, total: progress.storedFrames })}
        {phase === 'done' && t('selfTest.finished')}
      </p>
      <StartStop
        running={phase === 'running' || phase === 'starting' || phase === 'analysing'}
        startLabel={phase === 'done' ? t('movementTest.again') : t('movementTest.start')}
        onStart={() => void start()}
        onStop={stop}
      />
      <ErrorText error={error} />

      {analysis && (
        <section className="card" aria-labelledby="movement-result-h">
          <h2 id="movement-result-h">{t('selfTest.result')}</h2>
          <MovementResult analysis={analysis} />
          {progress && progress.skippedSamples > 0 && (
            <p className="small muted" data-testid="movement-skipped">
              {t('movementTest.skipped', {
                skipped: progress.skippedSamples,
                planned: Math.round(SCRIPT.durationS * FPS),
              })}
            </p>
          )}
          <SaveSummary save={save} onSave={saveSummary} />
        </section>
      )}
    </article>
  );
}
