/**
 * What a form control that picks one record by id takes: antd's Form.Item passes value, onChange
 * and id; the rest is how it looks. Pickers (managed-list items, customers) add their own.
 */
export interface IdPickerProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}
