import type { Db } from "~/lib/db.server";

export interface AuditActor {
  userId: string | null;
  label: string;
}

export interface AuditEvent {
  actor: AuditActor;
  action: string;
  recordType: string;
  recordId?: string | null;
  areaId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends to the audit log. There is deliberately no update or delete for this table. */
export async function recordAudit(db: Db, event: AuditEvent, now: Date = new Date()): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: now.toISOString(),
      actor_user_id: event.actor.userId,
      actor_label: event.actor.label,
      action: event.action,
      record_type: event.recordType,
      record_id: event.recordId ?? null,
      area_id: event.areaId ?? null,
      detail: JSON.stringify(event.detail ?? {}),
      ip: event.ip ?? null,
    })
    .execute();
}

export function actorFor(user: { id: string; name: string; email: string } | null): AuditActor {
  return user ? { userId: user.id, label: `${user.name} <${user.email}>` } : { userId: null, label: "Anonymous" };
}
