import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, type FormRule, Input, Row, Switch, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { contactSchema } from '../../../../../electron/core/customers/shared/customers.contract';
import { checkField, fieldRule } from './formRules';
import { type ContactValues, type CustomerFormValues, EMPTY_CONTACT, isBlankContact } from './formValues';
import { Section } from './Section';

const shape = contactSchema.shape;
/** A contact's name is required once anything is typed in its row (an empty row is not saved). */
function contactNameRule(index: number): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value) => {
      if (!isBlankContact(getFieldValue(['contacts', index]))) checkField(shape.name, value, { required: true });
    },
  });
}

const SPANS = { name: 4, title: 3, mobile: 4, phone: 4, email: 5, primary: 2, remove: 2 } as const;

/** 联系人: one row per contact; exactly one may be the primary. */
export function ContactsSection({ onCheckDuplicates }: { onCheckDuplicates: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CustomerFormValues>();
  const label = (key: string) => t(`customers.fields.contact.${key}`);

  /** Turning one contact primary turns the others off. */
  const makePrimary = (index: number, on: boolean) => {
    const contacts: ContactValues[] = form.getFieldValue('contacts') ?? [];
    form.setFieldValue(
      'contacts',
      contacts.map((c, i) => ({ ...c, isPrimary: i === index ? on : on ? false : c.isPrimary })),
    );
  };

  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <Section
          id="section-contacts"
          title={t('customers.sections.contacts')}
          extra={
            <Button
              size="small"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ ...EMPTY_CONTACT, isPrimary: fields.length === 0 })}
            >
              {t('customers.form.addContact')}
            </Button>
          }
        >
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('customers.form.noContacts')}</Typography.Paragraph>
          ) : (
            <Row gutter={8} className="kh-grid-head" aria-hidden>
              <Col span={SPANS.name}>
                <span className="kh-required">{label('name')}</span>
              </Col>
              <Col span={SPANS.title}>{label('title')}</Col>
              <Col span={SPANS.mobile}>{label('mobile')}</Col>
              <Col span={SPANS.phone}>{label('phone')}</Col>
              <Col span={SPANS.email}>{label('email')}</Col>
              <Col span={SPANS.primary}>{label('isPrimary')}</Col>
            </Row>
          )}
          {fields.map(({ key, name }) => (
            <Row gutter={8} key={key} align="top">
              <Col span={SPANS.name}>
                <Form.Item
                  name={[name, 'name']}
                  dependencies={[
                    ['contacts', name, 'mobile'],
                    ['contacts', name, 'phone'],
                    ['contacts', name, 'email'],
                  ]}
                  rules={[contactNameRule(name)]}
                >
                  <Input aria-label={label('name')} autoComplete="off" maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={SPANS.title}>
                <Form.Item name={[name, 'title']} rules={[fieldRule(shape.title)]}>
                  <Input aria-label={label('title')} autoComplete="off" maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={SPANS.mobile}>
                <Form.Item name={[name, 'mobile']} rules={[fieldRule(shape.mobile)]}>
                  <Input aria-label={label('mobile')} autoComplete="off" maxLength={20} onBlur={onCheckDuplicates} />
                </Form.Item>
              </Col>
              <Col span={SPANS.phone}>
                <Form.Item name={[name, 'phone']} rules={[fieldRule(shape.phone)]}>
                  <Input aria-label={label('phone')} autoComplete="off" maxLength={30} onBlur={onCheckDuplicates} />
                </Form.Item>
              </Col>
              <Col span={SPANS.email}>
                <Form.Item name={[name, 'email']} rules={[fieldRule(shape.email)]}>
                  <Input aria-label={label('email')} autoComplete="off" maxLength={100} />
                </Form.Item>
              </Col>
              <Col span={SPANS.primary}>
                <Form.Item name={[name, 'isPrimary']} valuePropName="checked">
                  <Switch aria-label={label('isPrimary')} onChange={(on) => makePrimary(name, on)} />
                </Form.Item>
              </Col>
              <Col span={SPANS.remove}>
                <Tooltip title={t('customers.form.removeContact')}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('customers.form.removeContact')}
                    onClick={() => remove(name)}
                  />
                </Tooltip>
              </Col>
            </Row>
          ))}
        </Section>
      )}
    </Form.List>
  );
}
