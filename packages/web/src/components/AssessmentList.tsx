import { useTranslation } from 'react-i18next';
import type { Assessment } from '../api/types';
import { DataTable } from './DataTable';

function bandLabel(a: Assessment): string | null {
  const band = a.score.band as { label?: string } | null | undefined;
  return band?.label ?? null;
}

export function AssessmentList({ items }: { items: Assessment[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('common.none')}</p>;
  return (
    <DataTable
      label={t('assess.history')}
      columns={[t('common.date'), t('assess.instrument'), t('assess.result')]}
    >
      {[...items]
        .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))
        .map((a) => (
          <tr key={a.id}>
            <td>{a.assessedOn}</td>
            <td>
              {a.instrumentId} <span className="small muted">({a.instrumentVersion})</span>
            </td>
            <td lang="en">
              {String(a.score.display ?? a.total ?? '—')}
              {bandLabel(a) ? ` · ${bandLabel(a)}` : ''}
            </td>
          </tr>
        ))}
    </DataTable>
  );
}
