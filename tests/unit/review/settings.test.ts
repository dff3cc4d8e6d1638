import { describe, expect } from 'vitest';
import { features } from '../../../electron/core/features';
import { DEFAULT_REVIEW_SETTINGS } from '../../../electron/core/review/review.settings';
import { snapshot } from '../support/test-core';
import { test } from './support';

describe('review settings', () => {
  test('start from the defaults: inactivity 365 days and contract end on, quarterly, keep 180 days', async ({
    admin,
  }) => {
    const { settings } = await admin.ok('review.getSettings');
    expect(settings).toEqual({
      rules: {
        inactivity: { enabled: true, days: 365 },
        contractEnded: { enabled: true, graceDays: 0 },
        creditRating: { enabled: false, ratingId: null },
        stocktakeMissing: { enabled: false },
        overdueReceivables: { enabled: false, days: 30 },
        overCreditLimit: { enabled: false },
      },
      keepDays: 180,
      intervalMonths: 3,
    });
    expect(settings).toEqual(DEFAULT_REVIEW_SETTINGS);
  });

  test('are saved and logged field by field (the rating by name)', async ({ env, admin, review }) => {
    const saved = await review.setRules(
      { inactivity: { days: 180 }, creditRating: { enabled: true, ratingId: review.ratingId('C') } },
      { intervalMonths: 6 },
    );
    expect(saved.settings.rules.inactivity).toEqual({ enabled: true, days: 180 });
    expect((await admin.ok('review.getSettings')).settings).toEqual(saved.settings);
    const row = env.core.sqlite
      .prepare(`SELECT entity_id, action, user_name, changes FROM operation_log WHERE entity = 'settings'`)
      .get() as { entity_id: string; action: string; user_name: string; changes: string };
    expect(row).toMatchObject({ entity_id: 'review', action: 'update', user_name: '系统管理员' });
    expect(JSON.parse(row.changes)).toEqual({
      inactivityDays: { before: 365, after: 180 },
      creditRatingEnabled: { before: false, after: true },
      creditRatingLevel: { before: null, after: 'C' },
      intervalMonths: { before: 3, after: 6 },
    });
  });

  describe('on a core without the settlement feature', () => {
    test.override({ features: features.filter((f) => f.name !== 'settlement') });
    test('refuse a rule whose feature the core does not have, and a credit rule without a credit rating level', async ({
      env,
      admin,
    }) => {
      const before = snapshot(env.core);
      const { settings } = await admin.ok('review.getSettings');
      const rules = {
        ...settings.rules,
        overdueReceivables: { ...settings.rules.overdueReceivables, enabled: true },
        overCreditLimit: { enabled: true },
      };
      expect(await admin.call('review.updateSettings', { ...settings, rules })).toEqual({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          messageKey: 'review.errors.ruleUnavailable',
          fields: {
            'rules.overdueReceivables.enabled': 'review.errors.ruleUnavailable',
            'rules.overCreditLimit.enabled': 'review.errors.ruleUnavailable',
          },
        },
      });
      const region = env.core.sqlite.prepare(`SELECT id FROM lookups WHERE kind = 'region' LIMIT 1`).pluck().get();
      for (const creditRating of [
        { enabled: true, ratingId: null },
        { enabled: true, ratingId: region },
        { enabled: false, ratingId: 9999 },
      ]) {
        const r = await admin.callRaw('review.updateSettings', {
          ...settings,
          rules: { ...settings.rules, creditRating },
        });
        expect(r).toEqual({
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            messageKey: 'review.errors.ratingRequired',
            fields: { 'rules.creditRating.ratingId': 'review.errors.ratingRequired' },
          },
        });
      }
      expect(snapshot(env.core)).toBe(before);
    });
  });

  test('refuse parameters out of range beside the field', async ({ admin }) => {
    const { settings } = await admin.ok('review.getSettings');
    const r = await admin.call('review.updateSettings', {
      ...settings,
      rules: { ...settings.rules, inactivity: { enabled: true, days: 10 } },
      intervalMonths: 2,
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { 'rules.inactivity.days': 'validation.range', intervalMonths: 'validation.range' },
      },
    });
  });
});

describe('who may review', () => {
  test('a manager reviews but may not change the rules; a clerk may do neither', async ({ env, review }) => {
    await review.customer('甲公司', { lastActivityAt: '2020-01-01T00:00:00.000Z' });
    const manager = await env.userWithRoles('manager1', ['manager']);
    const clerk = await env.userWithRoles('clerk1', ['clerk']);
    const { settings } = await manager.ok('review.getSettings');
    const run = await manager.ok('review.start');
    expect(run).toMatchObject({ candidateCount: 1, startedByName: 'manager1' });
    expect((await manager.ok('review.candidates', {})).total).toBe(1);
    expect(await manager.call('review.updateSettings', settings)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const before = snapshot(env.core);
    for (const [channel, input] of [
      ['review.status', {}],
      ['review.start', {}],
      ['review.candidates', {}],
      ['review.runs', {}],
      ['review.keep', { runId: run.id, customerIds: [1], note: '保留' }],
      ['review.updateSettings', settings],
    ] as const) {
      expect(await clerk.callRaw(channel, input), channel).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' },
      });
    }
    expect(snapshot(env.core)).toBe(before);
  });
});
