import { useTranslation } from 'react-i18next';
import type { Assessment } from '../api/types';
import { TableWrap } from './TableWrap';

function bandLabel(a: Assessment): string | null {
  const band = a.score.band as { label?: string } | null | undefined;
  return band?.label ?? null;
}

export function AssessmentList({ items }: { items: Assessment[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('common.none')}</p>;
  return (
    <TableWrap label={t('assess.history')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('common.date')}</th>
            <th scope="col">{t('assess.instrument')}</th>
            <th scope="col">{t('assess.result')}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </TableWrap>
  );
}
