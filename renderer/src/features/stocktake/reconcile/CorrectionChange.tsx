import { Flex, Typography } from 'antd';
import i18n from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../electron/core/shared/contract';
import { countryName, divisionNames } from '../../customers/shared/geo';
import { correctionRows, proposedText } from './correctionRows';

export type Correction = ChannelOutput<'stocktake.corrections'>['items'][number];

/** An address of a proposal as one line (divisions named; a foreign country by its name). */
export function addressLine(a: Record<string, unknown>): string | null {
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const where =
    s(a.country) && a.country !== 'CN'
      ? countryName(s(a.country), i18n.language)
      : divisionNames([s(a.provinceCode), s(a.cityCode), s(a.districtCode)]).join(' ');
  const line = [where, s(a.street), s(a.postcode)].filter(Boolean).join(' ');
  return line || null;
}

/** The rows of a correction: field, before → proposed (changed values in bold). */
export function CorrectionChange({ correction }: { correction: Correction }): ReactNode {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const rows = correctionRows(correction.before, correction.proposal, addressLine);
  return (
    <Flex vertical gap={2}>
      {rows.map((r) => (
        <span key={r.field}>
          <Typography.Text type="secondary">
            {t(`stocktake.reconcile.corrections.fields.${r.field}`)}
            {t('customers.history.colon')}
          </Typography.Text>
          {r.field === 'note' ? (
            <span>{r.proposed}</span>
          ) : (
            <>
              <Typography.Text delete={r.changed}>{r.before ?? empty}</Typography.Text>
              {' → '}
              <Typography.Text strong={r.changed} type={r.proposed == null && r.before != null ? 'danger' : undefined}>
                {proposedText(r, empty, t('stocktake.reconcile.corrections.cleared'))}
              </Typography.Text>
            </>
          )}
        </span>
      ))}
    </Flex>
  );
}
