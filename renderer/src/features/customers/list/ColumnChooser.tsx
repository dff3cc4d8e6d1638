import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Flex, Popover, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLUMN_KEYS, type ColumnKey, DEFAULT_COLUMNS, FIXED_COLUMNS } from './columnPrefs';

/** The 列设置 popover: which columns the list shows (saved on this machine). */
export function ColumnChooser({ value, onChange }: { value: ColumnKey[]; onChange: (keys: ColumnKey[]) => void }) {
  const { t } = useTranslation();
  const content = (
    <div style={{ width: 280 }}>
      <Checkbox.Group<ColumnKey>
        value={value}
        onChange={(keys) => onChange(COLUMN_KEYS.filter((k) => keys.includes(k) || FIXED_COLUMNS.includes(k)))}
      >
        <Flex wrap gap="4px 0">
          {COLUMN_KEYS.map((key) => (
            <Checkbox key={key} value={key} disabled={FIXED_COLUMNS.includes(key)} style={{ width: 130 }}>
              {t(`customers.columns.${key}`)}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Divider style={{ margin: '8px 0' }} />
      <Flex justify="end">
        <Button size="small" type="link" onClick={() => onChange([...DEFAULT_COLUMNS])}>
          {t('customers.list.defaultColumns')}
        </Button>
      </Flex>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('customers.list.columns')} content={content}>
      <Tooltip title={t('customers.list.columns')}>
        <Button icon={<SettingOutlined aria-hidden />} aria-label={t('customers.list.columns')} />
      </Tooltip>
    </Popover>
  );
}
