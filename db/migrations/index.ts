import type { Migration } from "kysely";
import * as m001 from "./001-foundation";
import * as m002 from "./002-accounts";
import * as m003 from "./003-messaging";
import * as m004 from "./004-triage";
import * as m005 from "./005-directory";
import * as m006 from "./006-referrals";
import * as m007 from "./007-knowledge";
import * as m008 from "./008-directory-reports";
import * as m009 from "./009-directory-edits";
import * as m010 from "./010-reporting";
import * as m011 from "./011-audit-append-only";
import * as m012 from "./012-rate-limits";
import * as m013 from "./013-outreach";
import * as m014 from "./014-multi-server";
import * as m015 from "./015-welsh-listings";
import * as m016 from "./016-outreach-reporting";
import * as m017 from "./017-report-counts-monthly";
import * as m018 from "./018-courses";

/**
 * Every migration, listed statically so the same list works under tsx, vitest and the Remix
 * bundle. Names sort in the order they run; never rename or edit one that has shipped.
 */
export const migrations: Record<string, Migration> = {
  "001-foundation": m001,
  "002-accounts": m002,
  "003-messaging": m003,
  "004-triage": m004,
  "005-directory": m005,
  "006-referrals": m006,
  "007-knowledge": m007,
  "008-directory-reports": m008,
  "009-directory-edits": m009,
  "010-reporting": m010,
  "011-audit-append-only": m011,
  "012-rate-limits": m012,
  "013-outreach": m013,
  "014-multi-server": m014,
  "015-welsh-listings": m015,
  "016-outreach-reporting": m016,
  "017-report-counts-monthly": m017,
  "018-courses": m018,
};
