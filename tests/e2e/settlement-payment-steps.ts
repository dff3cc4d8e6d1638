import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures';
import { callDirect, signIn } from './steps';

/** Setup of the payment spec through the API: each step as the user who may take it. */

export interface Person {
  username: string;
  displayName: string;
  password: string;
  role: string;
}

/** A local date `days` from today, as the office writes it (YYYY-MM-DD). */
export function localDate(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Runs `work` in a page of its own, signed in as `who` (the spec's own page stays as it is). */
export async function asPerson<T>(
  browser: Browser,
  openUrl: string,
  who: Person,
  work: (page: Page) => Promise<T>,
): Promise<T> {
  const other = await browser.newPage();
  try {
    await other.goto(openUrl);
    await signIn(other, who.username, who.password, who.displayName);
    return await work(other);
  } finally {
    await other.close();
  }
}

let made = 0;

/** A voucher created and submitted (one step for the clerk) on the clerk's page; returns id and version. */
export async function submitVoucher(
  page: Page,
  v: { customerId: number; date: string; dueDate: string; description: string; amount: string; evidenceRef: string },
) {
  made += 1;
  const answer = await callDirect(page, 'settlement.voucherCreate', {
    clientId: `e2e-pay-${Date.now()}-${made}`,
    customerId: v.customerId,
    date: v.date,
    dueDate: v.dueDate,
    evidenceType: 'contract',
    evidenceRef: v.evidenceRef,
    lines: [{ description: v.description, quantity: '1', unitPrice: v.amount }],
    submit: true,
  });
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  expect(answer.data.status).toBe('submitted');
  return answer.data as { id: number; no: string; version: number };
}

/** A submitted voucher approved on the finance user's page. */
export async function approveVoucher(page: Page, v: { id: number; version: number }) {
  const answer = await callDirect(page, 'settlement.voucherApprove', { id: v.id, version: v.version });
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  expect(answer.data.status).toBe('approved');
}
