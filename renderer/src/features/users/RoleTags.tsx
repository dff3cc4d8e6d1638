import { Tag } from 'antd';
import { translateOr } from '../../shared/translate';

const COLORS: Record<string, string> = {
  admin: 'red',
  manager: 'blue',
  finance: 'gold',
  clerk: 'green',
  viewer: 'default',
};

export function RoleTags({ roles }: { roles: readonly string[] }) {
  return (
    <>
      {roles.map((code) => (
        <Tag key={code} color={COLORS[code] ?? 'default'}>
          {translateOr('role', code)}
        </Tag>
      ))}
    </>
  );
}
