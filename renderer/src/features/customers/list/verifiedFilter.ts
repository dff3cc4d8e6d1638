import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { CustomerFilters as Filters } from '../exportAction';

/**
 * The list's 核对 filter as one select of spans (the row has no room for a mode and a date): a
 * span is turned into the contract's local date, today − the span. `v30` = verified in the last
 * 30 days (verifiedSince), `n365` = not verified for a year or never (notVerifiedSince). A date
 * that came some other way (a link, the export page) shows as itself.
 */
const SPANS = { v30: 30, v365: 365, n365: 365, n730: 730 } as const;
type Span = keyof typeof SPANS;

const dayBefore = (days: number) => dayjs().subtract(days, 'day').format('YYYY-MM-DD');

export function verifiedFilter(value: string): Partial<Filters> {
  if (value in SPANS) {
    const span = value as Span;
    return span.startsWith('v') ? { verifiedSince: dayBefore(SPANS[span]) } : { notVerifiedSince: dayBefore(SPANS[span]) };
  }
  const [kind, day] = value.split(':');
  return kind === 'since' ? { verifiedSince: day } : kind === 'notSince' ? { notVerifiedSince: day } : {};
}

/** The select's value for the filters (a span when the date is today's span, else the date itself). */
export function verifiedValue(f: Filters): string | undefined {
  for (const [span, days] of Object.entries(SPANS)) {
    const day = dayBefore(days);
    if (span.startsWith('v') ? f.verifiedSince === day : f.notVerifiedSince === day) return span;
  }
  if (f.verifiedSince) return `since:${f.verifiedSince}`;
  if (f.notVerifiedSince) return `notSince:${f.notVerifiedSince}`;
  return undefined;
}

export function verifiedOptions(f: Filters, t: TFunction): { value: string; label: string }[] {
  const options: { value: string; label: string }[] = (Object.keys(SPANS) as Span[]).map((span) => ({
    value: span,
    label: t(`customers.filters.verifiedSpan.${span}`),
  }));
  const value = verifiedValue(f);
  if (value && !(value in SPANS)) {
    const [kind, day] = value.split(':');
    options.push({ value, label: t(kind === 'since' ? 'customers.filters.verifiedSinceDay' : 'customers.filters.notVerifiedSinceDay', { day }) });
  }
  return options;
}
