import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerDetail, usccChecksumWarning } from '../../../../../electron/core/customers/shared/customers.contract';

type TaxIdFacts = Parameters<typeof usccChecksumWarning>[0];

/**
 * A USCC with a wrong check character (codes issued in local pilots before GB 32100) is saved
 * only after the user confirms "校验位不符，仍然保存"; the core logs the warning with the save.
 * As in the core, a code the record already had is not asked about again.
 */
export function useTaxIdChecksum(detail: CustomerDetail | null) {
  const { t } = useTranslation();
  const { modal } = App.useApp();

  /** Asks the user; resolves true when they choose to save anyway. */
  const confirm = useCallback(
    async (taxId: string): Promise<boolean> =>
      modal.confirm({
        title: t('customers.form.taxIdChecksumTitle'),
        content: t('customers.form.taxIdChecksumText', { taxId }),
        okText: t('customers.form.taxIdChecksumOk'),
        cancelText: t('customers.form.taxIdChecksumBack'),
        okButtonProps: { danger: true },
        width: 520,
      }),
    [modal, t],
  );

  /** null: nothing to ask; true: the user confirmed; false: they went back to the form. */
  const ask = useCallback(
    async (record: TaxIdFacts): Promise<boolean | null> => {
      if (!record.taxId || !usccChecksumWarning(record)) return null;
      if (detail && detail.taxId === record.taxId && usccChecksumWarning(detail)) return null;
      return confirm(record.taxId);
    },
    [detail, confirm],
  );

  return { ask, confirm };
}
