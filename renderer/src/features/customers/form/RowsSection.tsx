import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, type FormRule, Input, Row, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Section } from './Section';

interface RowColumn {
  key: string;
  span: number;
  /** the column head (fields in the rows say it again as their aria-label) */
  label: string;
  required?: boolean;
  /** the cell of row `row` (its Form.List index) */
  cell: (row: number) => ReactNode;
}

/** A column of plain text inputs (its head says what the input is). */
export function inputColumn(
  key: string,
  span: number,
  label: string,
  input: { rule: FormRule; maxLength: number; onBlur?: () => void },
): RowColumn {
  return {
    key,
    span,
    label,
    cell: (row) => (
      <Form.Item name={[row, key]} rules={[input.rule]}>
        <Input aria-label={label} autoComplete="off" maxLength={input.maxLength} onBlur={input.onBlur} />
      </Form.Item>
    ),
  };
}

interface Props {
  /** the Form.List name: contacts, addresses */
  name: string;
  id: string;
  title: string;
  columns: readonly RowColumn[];
  removeSpan: number;
  texts: { add: string; remove: string; empty: string };
  /** the new row's values, given the rows there are */
  newRow: (count: number) => unknown;
}

/** A section of repeated rows in the customer form: column heads, a row per item, add and remove. */
export function RowsSection({ name, id, title, columns, removeSpan, texts, newRow }: Props) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Section
          id={id}
          title={title}
          extra={
            <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add(newRow(fields.length))}>
              {texts.add}
            </Button>
          }
        >
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary">{texts.empty}</Typography.Paragraph>
          ) : (
            <Row gutter={8} className="kh-grid-head" aria-hidden>
              {columns.map((c) => (
                <Col key={c.key} span={c.span}>
                  {c.required ? <span className="kh-required">{c.label}</span> : c.label}
                </Col>
              ))}
            </Row>
          )}
          {fields.map(({ key, name: row }) => (
            <Row gutter={8} key={key} align="top">
              {columns.map((c) => (
                <Col key={c.key} span={c.span}>
                  {c.cell(row)}
                </Col>
              ))}
              <Col span={removeSpan}>
                <Tooltip title={texts.remove}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={texts.remove}
                    onClick={() => remove(row)}
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
