import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints';
import type { FieldIssue } from '../../api/http';
import type { FhirImportResult, Patient } from '../../api/types';
import { ErrorText } from '../../components/ErrorText';
import { downloadBlob } from '../../lib/download';
import { entryTypesOf, fhirFileName, placeOfFhirPath } from '../../lib/fhir';
import { navigate } from '../../router';

/** What an import created and skipped, kept for the new patient's page (see FhirImportNotice). */
interface ImportOutcome {
  fileName: string;
  result: FhirImportResult;
  entryTypes: (string | null)[];
}
const outcomeKey = (patientId: string) => ['fhir-import', patientId] as const;

/** "Entry 3 (Patient) · `birthDate`": where in the Bundle a problem or a skipped resource is. */
function FhirPlaceText({ path, entryTypes }: { path: string; entryTypes: (string | null)[] }) {
  const { t } = useTranslation();
  const place = placeOfFhirPath(path, entryTypes);
  const where =
    place.entry === null
      ? t('fhir.bundle')
      : place.resourceType
        ? t('fhir.entryOfType', { n: place.entry, type: place.resourceType })
        : t('fhir.entry', { n: place.entry });
  return (
    <>
      <strong>{where}</strong>
      {place.element && (
        <>
          {' · '}
          <code>{place.element}</code>
        </>
      )}
    </>
  );
}

/** Downloads the patient's record as a FHIR R4 Bundle, `<patient-name>-fhir.json`, exactly as the server wrote it. */
export function FhirExportButton({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const exp = useMutation({
    mutationFn: async () => {
      const blob = await api.exportFhir(patient.id);
      const fileName = fhirFileName(patient.name);
      downloadBlob(blob, fileName);
      return fileName;
    },
  });
  return (
    <div className="no-print">
      <button
        type="button"
        className="secondary"
        onClick={() => exp.mutate()}
        disabled={exp.isPending}
        aria-describedby="fhir-export-hint"
      >
        {t('fhir.export')}
      </button>{' '}
      <span id="fhir-export-hint" className="small muted">
        {t('fhir.exportHint')}
      </span>
      <p className="small" role="status" data-testid="fhir-export-status">
        {exp.isPending ? t('fhir.exporting') : exp.data ? t('fhir.exported', { file: exp.data }) : ''}
      </p>
      <ErrorText error={exp.error} />
    </div>
  );
}

/**
 * Imports a FHIR R4 Bundle file as a new patient of the clinic, then opens that patient's page. The
 * server checks every element and stores nothing when any is refused; each problem is listed with the
 * entry it is in and its FHIR path.
 */
export function FhirImportCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  // The resource type of each entry of the file sent last, to say where a problem is.
  const entryTypes = useRef<(string | null)[]>([]);
  const imp = useMutation({
    mutationFn: async (f: File): Promise<ImportOutcome> => {
      let bundle: unknown;
      try {
        bundle = JSON.parse(await f.text());
      } catch (e) {
        throw new Error(t('fhir.notJson', { file: f.name, reason: e instanceof Error ? e.message : '' }));
      }
      entryTypes.current = entryTypesOf(bundle);
      const result = await api.importFhirBundle(bundle);
      return { fileName: f.name, result, entryTypes: entryTypes.current };
    },
    onSuccess: (outcome) => {
      qc.setQueryData(outcomeKey(outcome.result.patientId), outcome);
      void qc.invalidateQueries({ queryKey: ['patients'] });
      navigate(`/clinic/patients/${outcome.result.patientId}`);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (file) imp.mutate(file);
  }
  const describeIssue = (i: FieldIssue) => (
    <>
      <FhirPlaceText path={i.path} entryTypes={entryTypes.current} />: <span lang="en">{i.message}</span>{' '}
      <span className="small">
        (<code data-testid="fhir-issue-path">{i.path}</code>)
      </span>
    </>
  );
  return (
    <form
      className="card no-print"
      onSubmit={submit}
      aria-labelledby="fhir-import-h"
      data-testid="fhir-import-form"
    >
      <h2 id="fhir-import-h">{t('fhir.importTitle')}</h2>
      <p className="small muted" id="fhir-file-hint">
        {t('fhir.importHint')}
      </p>
      <div className="field">
        <label htmlFor="fhir-file">{t('fhir.importFile')}</label>
        <input
          id="fhir-file"
          type="file"
          accept=".json,application/json,application/fhir+json"
          required
          aria-describedby="fhir-file-hint"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            imp.reset();
          }}
        />
      </div>
      <p className="small" role="status">
        {imp.isPending ? t('fhir.importing') : ''}
      </p>
      <ErrorText error={imp.error} describeIssue={describeIssue} />
      {imp.isError && <p className="small">{t('fhir.nothingStored')}</p>}
      <button type="submit" disabled={imp.isPending}>
        {t('fhir.importSubmit')}
      </button>
    </form>
  );
}

/** On the new patient's page after an import: what was created and what was skipped, and why. */
export function FhirImportNotice({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data } = useQuery<ImportOutcome | null>({
    queryKey: outcomeKey(patientId),
    queryFn: () => null,
    enabled: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!data) return null;
  const { created, skipped } = data.result;
  return (
    <div className="note no-print" role="status" data-testid="fhir-import-result">
      <p>
        {t('fhir.imported', {
          file: data.fileName,
          assessments: created.assessments,
          episodes: created.episodes,
          followUps: created.followUps,
        })}
      </p>
      {skipped.length === 0 ? (
        <p>{t('fhir.nothingSkipped')}</p>
      ) : (
        <>
          <p>{t('fhir.skipped', { n: skipped.length })}</p>
          <ul>
            {skipped.map((s) => (
              <li key={s.path}>
                <FhirPlaceText path={s.path} entryTypes={data.entryTypes} />:{' '}
                <span lang="en">{s.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <button
        type="button"
        className="secondary"
        onClick={() => qc.setQueryData(outcomeKey(patientId), null)}
      >
        {t('fhir.dismiss')}
      </button>
    </div>
  );
}
