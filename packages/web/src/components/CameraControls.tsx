import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** The camera tests' preview: mirrored like a mirror, muted, never recorded. */
export function CameraVideo({ videoRef }: { videoRef: RefObject<HTMLVideoElement | null> }) {
  const { t } = useTranslation();
  return (
    <video
      ref={videoRef}
      muted
      playsInline
      width={480}
      height={360}
      style={{ transform: 'scaleX(-1)' }}
      aria-label={t('selfTest.videoLabel')}
    />
  );
}

/** Stop while a camera test runs; otherwise start it (`startLabel`, e.g. "again" after a result). */
export function StartStop({
  running,
  startLabel,
  onStart,
  onStop,
}: {
  running: boolean;
  startLabel: string;
  onStart: () => void;
  onStop: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="no-print">
      {running ? (
        <button type="button" className="secondary" onClick={onStop}>
          {t('selfTest.stop')}
        </button>
      ) : (
        <button type="button" onClick={onStart}>
          {startLabel}
        </button>
      )}
    </div>
  );
}
