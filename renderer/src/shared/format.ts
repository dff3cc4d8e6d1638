import dayjs from 'dayjs';

const DATE_TIME = 'YYYY-MM-DD HH:mm:ss';
const DATE_MINUTE = 'YYYY-MM-DD HH:mm';

/** A UTC ISO instant shown in local time, to the second. */
export function formatDateTime(iso: string | null | undefined): string | null {
  return iso ? dayjs(iso).format(DATE_TIME) : null;
}

/** A UTC ISO instant shown as its local date. */
export function formatDate(iso: string | null | undefined): string | null {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : null;
}

/** A UTC ISO instant shown in local time, to the minute. */
export function formatMinute(iso: string | null | undefined): string | null {
  return iso ? dayjs(iso).format(DATE_MINUTE) : null;
}
