import { useTranslation } from 'react-i18next';
import { ErrorText } from './ErrorText';

/** The state of a save, as a react-query mutation gives it. */
export interface SaveState {
  error: unknown;
  isSuccess: boolean;
  isPending: boolean;
}

/**
 * The camera tests' last step: save the summary (never the video) when the patient chooses to, then say
 * it is saved and that the video was not stored.
 */
export function SaveSummary({ save, onSave }: { save: SaveState; onSave: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorText error={save.error} />
      {save.isSuccess ? (
        <p className="success" role="status">
          {t('selfTest.saved')}
        </p>
      ) : (
        <button type="button" onClick={onSave} disabled={save.isPending}>
          {t('selfTest.save')}
        </button>
      )}
    </>
  );
}
