import type { PreparedCustomer } from './write';

/**
 * Prepared rows as a helper thread hands them back: the same values without a key per value.
 * Copying objects between threads (structured clone) costs per object and per key: a hundred
 * thousand prepared customers took seconds to copy; as arrays of values with the keys once per
 * slice, a fraction of that.
 */
type Obj = Record<string, unknown>;
type PackedRow = [
  rowNumber: number,
  code: string | null,
  taxId: string | null,
  record: unknown[],
  contacts: unknown[][],
  addresses: unknown[][],
  phones: string,
  grams: string,
  pinyin: string,
];
export interface PackedRows {
  keys: { record: string[]; contact: string[]; address: string[] };
  rows: (PackedRow | null)[];
}

/** Pinyin values hold letters and digits only: a newline cannot occur in one. */
const PINYIN_SEP = '\n';

export function packPrepared(prepared: (PreparedCustomer | null)[]): PackedRows {
  const first = prepared.find((p) => p);
  const keys = {
    record: first ? Object.keys(first.record) : [],
    contact: Object.keys(prepared.find((p) => p?.contacts.length)?.contacts[0] ?? {}),
    address: Object.keys(prepared.find((p) => p?.addresses.length)?.addresses[0] ?? {}),
  };
  const values = (o: object, k: string[]) => k.map((key) => (o as Obj)[key]);
  return {
    keys,
    rows: prepared.map((p) =>
      p
        ? [
            p.rowNumber,
            p.code,
            p.taxId,
            values(p.record, keys.record),
            p.contacts.map((c) => values(c, keys.contact)),
            p.addresses.map((a) => values(a, keys.address)),
            p.phones,
            p.grams,
            p.pinyin.join(PINYIN_SEP),
          ]
        : null,
    ),
  };
}

export function unpackPrepared({ keys, rows }: PackedRows): (PreparedCustomer | null)[] {
  const object = (v: unknown[], k: string[]) => {
    const o: Obj = {};
    for (let i = 0; i < k.length; i++) o[k[i]] = v[i];
    return o;
  };
  return rows.map((r) =>
    r
      ? ({
          rowNumber: r[0],
          code: r[1],
          taxId: r[2],
          record: object(r[3], keys.record),
          contacts: r[4].map((c) => object(c, keys.contact)),
          addresses: r[5].map((a) => object(a, keys.address)),
          phones: r[6],
          grams: r[7],
          pinyin: r[8] ? r[8].split(PINYIN_SEP) : [],
        } as unknown as PreparedCustomer)
      : null,
  );
}
