import type { Core } from '../core';
import type { BackupProgress } from './shared/backup.contract';

/**
 * Who gets `backup.progress`: every enabled user whose roles grant system.backup. The bus
 * delivers an event with a userId to that user's sessions only (each window signed in as them),
 * so the event is emitted once per such user; users not signed in get nothing. Read once per
 * backup (a role changed meanwhile takes effect at the next one).
 */
export function progressRecipients(core: Core): number[] {
  return (
    core.sqlite
      .prepare(
        `SELECT DISTINCT ur.user_id AS id FROM user_roles ur
         JOIN role_permissions rp ON rp.role_id = ur.role_id
         JOIN users u ON u.id = ur.user_id
         WHERE rp.permission = 'system.backup' AND u.disabled = 0`,
      )
      .all() as { id: number }[]
  ).map((r) => r.id);
}

export type ProgressSink = (p: BackupProgress) => void;

export function emitProgress(core: Core, userIds: readonly number[]): ProgressSink {
  return (payload) => {
    for (const userId of userIds) core.events.emit({ name: 'backup.progress', payload, userId });
  };
}
