import { Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ReviewRun } from '../../../../electron/core/review/shared/review.contract';
import { hasPermission, useSession } from '../../stores/session';
import { CandidatesTab } from './candidates/CandidatesTab';
import { useReviewStatus } from './reviewStatusStore';
import { RulesTab } from './rules/RulesTab';
import { RunsTab } from './runs/RunsTab';
import { useReviewSettings } from './useReviewSettings';

const TABS = ['candidates', 'runs', 'rules'] as const;
type TabKey = (typeof TABS)[number];

/** 停用审查: the current run's candidates, the record of runs, and the rules. */
export function ReviewPage() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const status = useReviewStatus((s) => s.status);
  const settings = useReviewSettings();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TabKey = TABS.includes(tabParam as TabKey) ? (tabParam as TabKey) : 'candidates';
  /** a past run opened from 审查记录; undefined = the current run */
  const [viewRun, setViewRun] = useState<number | undefined>(undefined);

  const setTab = (key: TabKey) => setParams(key === 'candidates' ? {} : { tab: key }, { replace: true });
  const enabledRules = settings.state
    ? settings.state.rules.filter((r) => r.available && settings.state?.settings.rules[r.key].enabled).map((r) => r.key)
    : null;

  const openRun = (run: ReviewRun) => {
    setViewRun(run.open ? undefined : run.id);
    setTab('candidates');
  };

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('review.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        destroyOnHidden
        items={[
          {
            key: 'candidates',
            label: t('review.tabs.candidates'),
            children: (
              <CandidatesTab
                key={viewRun ?? 'current'}
                runId={viewRun}
                status={status}
                keepDays={settings.state?.settings.keepDays ?? null}
                enabledRules={enabledRules}
                onBackToCurrent={() => setViewRun(undefined)}
              />
            ),
          },
          { key: 'runs', label: t('review.tabs.runs'), children: <RunsTab onView={openRun} /> },
          {
            key: 'rules',
            label: t('review.tabs.rules'),
            children: (
              <RulesTab
                state={settings.state}
                canEdit={hasPermission(user, 'settings.manage')}
                onSaved={settings.setState}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
