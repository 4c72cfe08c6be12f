import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldIssue } from '../api/http';

/**
 * Shows a request error the way a person can act on it: the server's message and each named field.
 * `describeIssue` renders an issue in a page's own words (e.g. which entry of a FHIR Bundle); by default
 * an issue is its path and message.
 */
export function ErrorText({
  error,
  describeIssue,
}: {
  error: unknown;
  describeIssue?: (issue: FieldIssue) => ReactNode;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiError ? error.issues : [];
  const status = error instanceof ApiError ? error.status : 0;
  return (
    <div role="alert" className="error">
      <p>{status === 401 ? t('errors.unauthorized') : `${t('errors.prefix')} ${message}`}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              {describeIssue ? (
                describeIssue(i)
              ) : (
                <>
                  <code>{i.path}</code>: {i.message}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
