import { Button, List, Popup, SearchBar } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exactOrOnly, searchExpected } from '../offline/search';
import type { ExpectedRow } from '../offline/types';

/** 手动输入/搜索: typed codes, or a customer found offline in the downloaded set. */
export function SearchPopup({
  visible,
  rows,
  onPick,
  onClose,
}: {
  visible: boolean;
  rows: ExpectedRow[];
  onPick(code: string, source: 'keyboard' | 'search'): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useMemo(() => searchExpected(rows, q), [rows, q]);
  const pick = (code: string, source: 'keyboard' | 'search') => {
    setQ('');
    onPick(code, source);
  };
  return (
    <Popup visible={visible} onMaskClick={onClose} bodyStyle={{ height: '80vh', overflowY: 'auto' }} destroyOnClose>
      <div className="m-pad">
        <div className="m-big">{t('m.search.title')}</div>
        <SearchBar
          placeholder={t('m.search.placeholder')}
          value={q}
          onChange={setQ}
          onSearch={() => {
            // Enter takes the one customer meant (the only match, or the code typed whole); search
            // words are never counted as a code: 按编码盘点 below is for a code not in the list
            const one = exactOrOnly(found, q);
            if (one) pick(one.code, 'search');
          }}
          autoFocus
          style={{ marginTop: 8 }}
        />
        {q.trim() ? (
          <Button
            block
            color="primary"
            fill="outline"
            style={{ marginTop: 8 }}
            onClick={() => pick(q.trim(), 'keyboard')}
          >
            {t('m.search.useCode', { code: q.trim() })}
          </Button>
        ) : null}
      </div>
      <List>
        {q.trim() && found.length === 0 ? <List.Item>{t('m.search.noMatch')}</List.Item> : null}
        {found.map((r) => (
          <List.Item
            key={r.customerId}
            onClick={() => pick(r.code, 'search')}
            description={[r.code, r.shortName, r.mnemonic].filter(Boolean).join(' · ')}
          >
            {r.name}
          </List.Item>
        ))}
      </List>
      <div className="m-pad">
        <Button block onClick={onClose}>
          {t('m.search.close')}
        </Button>
      </div>
    </Popup>
  );
}
