import { useTranslation } from 'react-i18next';
import { ErrorText } from '../ErrorText';

/** What a form's write request looks like to its footer (a TanStack Query mutation has these). */
export interface Submission {
  error: unknown;
  isSuccess: boolean;
  isPending: boolean;
}

/**
 * The end of every form: the request's error with the fields at fault, "Saved" once it succeeded
 * (unless the form moves on instead), and the submit button, disabled while the request runs.
 */
export function FormFooter({
  submission,
  submitLabel,
  showSaved = true,
}: {
  submission: Submission;
  submitLabel: string;
  showSaved?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorText error={submission.error} />
      {showSaved && submission.isSuccess && (
        <p className="success" role="status">
          {t('common.saved')}
        </p>
      )}
      <button type="submit" disabled={submission.isPending}>
        {submitLabel}
      </button>
    </>
  );
}
