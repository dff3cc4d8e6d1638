import { Card } from 'antd';
import type { ReactNode } from 'react';

/** One titled block of the customer form (the anchor bar jumps to its id). */
export function Section({
  id,
  title,
  extra,
  children,
}: {
  id: string;
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      id={id}
      title={<h3 className="kh-section-title">{title}</h3>}
      extra={extra}
      size="small"
      style={{ marginBottom: 16, scrollMarginTop: 112 }}
      styles={{ body: { paddingBottom: 4 } }}
    >
      {children}
    </Card>
  );
}
