import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useImeSearch } from '../../../shared/useImeSearch';

interface Props {
  /** the searched text (the list's query) */
  value: string;
  onSearch: (text: string) => void;
  /** Enter: search at once, or open the only match */
  onEnter: (text: string) => void;
}

/**
 * The list's one search box. Its text lives here, so a keystroke redraws the box alone; the list
 * hears of the text as it is typed (whole words from an IME).
 */
export const SearchBox = memo(function SearchBox({ value, onSearch, onEnter }: Props) {
  const { t } = useTranslation();
  const { text, inputProps, searchNow } = useImeSearch(value, onSearch);
  return (
    <Input
      allowClear
      autoFocus
      role="searchbox"
      aria-label={t('customers.list.search')}
      placeholder={t('customers.list.searchPlaceholder')}
      prefix={<SearchOutlined aria-hidden />}
      {...inputProps}
      onPressEnter={(e) => {
        if (e.nativeEvent.isComposing) return;
        searchNow(text);
        onEnter(text);
      }}
      style={{ width: 400, maxWidth: '100%' }}
    />
  );
});
