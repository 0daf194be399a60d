import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { AccountTables } from "./schema/accounts";
import type { CourseTables } from "./schema/courses";
import type { DirectoryTables } from "./schema/directory";
import type { DirectoryEditTables } from "./schema/directory-edits";
import type { DirectoryReportTables } from "./schema/directory-reports";
import type { KnowledgeTables } from "./schema/knowledge";
import type { MessagingTables } from "./schema/messaging";
import type { OutreachTables } from "./schema/outreach";
import type { ReferralTables } from "./schema/referrals";
import type { ReportingTables } from "./schema/reporting";
import type { TriageTables } from "./schema/triage";

/**
 * The typed shape of the database. Each capability describes its own tables in db/schema/*.ts;
 * this file joins them into the one Database interface Kysely is given.
 */
export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: Generated<string>;
}

/** One run of a scheduled job (migration 012), on whichever server ran it. */
export interface JobRunTable {
  id: Generated<number>;
  job: string;
  /** host:pid of the process that ran it. */
  runner: string;
  started_at: string;
  finished_at: string | null;
  status: "running" | "succeeded" | "failed";
  /** What the job reported, as JSON. */
  summary: string | null;
  error: string | null;
}

export interface FoundationTables {
  app_meta: AppMetaTable;
  job_runs: JobRunTable;
}

export type AppMeta = Selectable<AppMetaTable>;
export type NewAppMeta = Insertable<AppMetaTable>;
export type AppMetaUpdate = Updateable<AppMetaTable>;
export type JobRun = Selectable<JobRunTable>;

export interface Database
  extends FoundationTables,
    AccountTables,
    CourseTables,
    DirectoryTables,
    DirectoryEditTables,
    DirectoryReportTables,
    KnowledgeTables,
    MessagingTables,
    OutreachTables,
    ReferralTables,
    ReportingTables,
    TriageTables {}
