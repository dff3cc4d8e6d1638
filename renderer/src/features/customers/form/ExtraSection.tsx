import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerFieldsSchema } from '../../../../../electron/core/customers/shared/customers.contract';
import { fieldRule } from './formRules';
import { Section } from './Section';

/** 附加信息: free notes. */
export function ExtraSection() {
  const { t } = useTranslation();
  return (
    <Section id="section-extra" title={t('customers.sections.extra')}>
      <Form.Item name="memo" label={t('customers.fields.memo')} rules={[fieldRule(customerFieldsSchema.shape.memo)]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
      </Form.Item>
    </Section>
  );
}
