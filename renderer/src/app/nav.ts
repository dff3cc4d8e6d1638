import {
  AuditOutlined,
  CalculatorOutlined,
  ContactsOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  InboxOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { SessionUser } from '../../../electron/core/auth/shared/auth.contract';
import { PromiseBadge } from '../features/settlement/PromiseBadge';
import { hasPermission } from '../stores/session';
import { BackupMenuLabel } from './BackupStatusBar';
import { lazyPage } from './lazyPage';
import { ReviewMenuLabel } from './ReviewBadge';

// each page is a chunk of its own, loaded on its first visit
const CustomersPage = lazyPage(() => import('../features/customers/CustomersPage'), 'CustomersPage');
const ReviewPage = lazyPage(() => import('../features/review/ReviewPage'), 'ReviewPage');
const StocktakePage = lazyPage(() => import('../features/stocktake/StocktakePage'), 'StocktakePage');
const SettlementPage = lazyPage(() => import('../features/settlement/SettlementPage'), 'SettlementPage');
const AuditLogPage = lazyPage(() => import('../features/audit/AuditLogPage'), 'AuditLogPage');
const UsersPage = lazyPage(() => import('../features/users/UsersPage'), 'UsersPage');
const SettingsPage = lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const BackupPage = lazyPage(() => import('../features/backup/BackupPage'), 'BackupPage');

interface NavEntry {
  key: string;
  /** route path, relative to the shell */
  path: string;
  /** i18n key of the menu text */
  labelKey: string;
  icon: ComponentType<{ 'aria-hidden'?: boolean }>;
  /** permission the user needs to see the entry; undefined = every signed-in user */
  permission?: string;
  /** false until the feature exists: the entry stays hidden */
  built: boolean;
  page?: ComponentType;
  /** the menu text with its badge (a review due, an unreachable backup location, promises due) */
  badge?: ComponentType<{ label: string }>;
}

/** The sider menu, in display order. */
const NAV: readonly NavEntry[] = [
  {
    key: 'customers',
    path: 'customers',
    labelKey: 'nav.customers',
    icon: ContactsOutlined,
    permission: 'customer.view',
    built: true,
    page: CustomersPage,
  },
  {
    key: 'review',
    path: 'review',
    labelKey: 'nav.review',
    icon: FileSearchOutlined,
    permission: 'customer.review',
    built: true,
    page: ReviewPage,
    badge: ReviewMenuLabel,
  },
  {
    key: 'stocktake',
    path: 'stocktake',
    labelKey: 'nav.stocktake',
    icon: InboxOutlined,
    permission: 'stocktake.count',
    built: true,
    page: StocktakePage,
  },
  {
    key: 'settlement',
    path: 'settlement',
    labelKey: 'nav.settlement',
    icon: CalculatorOutlined,
    permission: 'settlement.view',
    built: true,
    page: SettlementPage,
    badge: PromiseBadge,
  },
  {
    key: 'audit',
    path: 'audit',
    labelKey: 'nav.audit',
    icon: AuditOutlined,
    permission: 'audit.view',
    built: true,
    page: AuditLogPage,
  },
  {
    key: 'users',
    path: 'users',
    labelKey: 'nav.users',
    icon: TeamOutlined,
    permission: 'user.manage',
    built: true,
    page: UsersPage,
  },
  {
    key: 'settings',
    path: 'settings',
    labelKey: 'nav.settings',
    icon: SettingOutlined,
    permission: 'settings.manage',
    built: true,
    page: SettingsPage,
  },
  {
    key: 'backup',
    path: 'backup',
    labelKey: 'nav.backup',
    icon: DatabaseOutlined,
    permission: 'system.backup',
    built: true,
    page: BackupPage,
    badge: BackupMenuLabel,
  },
];

/** Entries this user sees: built, with a page, and permitted. */
export function visibleNav(user: SessionUser | null): NavEntry[] {
  return NAV.filter((e) => e.built && e.page && hasPermission(user, e.permission));
}

/** Where a user lands after signing in: the first visible entry, else the welcome page. */
export function landingPath(user: SessionUser | null): string {
  const first = visibleNav(user)[0];
  return first ? `/${first.path}` : '/home';
}
