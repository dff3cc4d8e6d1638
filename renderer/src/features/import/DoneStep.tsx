import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RunResult } from './types';

/** Step 5: how many customers arrived, and where to go next. */
export function DoneStep({ result, onAgain }: { result: RunResult; onAgain(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      title={t('import.done.title', { count: result.imported })}
      subTitle={[
        result.skipped ? t('import.done.skipped', { count: result.skipped }) : null,
        result.firstCode ? t('import.done.codes', { first: result.firstCode, last: result.lastCode }) : null,
      ]
        .filter(Boolean)
        .join(' ')}
      extra={[
        <Button key="list" type="primary" onClick={() => navigate('/customers')}>
          {t('import.done.toList')}
        </Button>,
        <Button key="again" onClick={onAgain}>
          {t('import.done.again')}
        </Button>,
      ]}
    />
  );
}
