/**
 * Erasing a person's details from referrals: the personal columns (see retention.ts), the notes
 * on the timeline (which may name them) and the address or number on messages sent to them.
 * The rest stays, anonymous, for reports. Used by the retention job and by a coordinator's
 * erase request alike, so both erase exactly the same things.
 */
import type { Db } from "~/lib/db.server";
import { erasePersonalData } from "./retention";

/** Erases the given referrals in one transaction; returns how many were erased now. */
export async function erasePersonalDataOf(db: Db, referralIds: readonly string[], now: Date): Promise<number> {
  if (referralIds.length === 0) return 0;
  const ids = [...referralIds];
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("referrals")
      .set(erasePersonalData(now))
      .where("id", "in", ids)
      .where("personal_data_erased_at", "is", null)
      .executeTakeFirst();
    await trx.updateTable("referral_events").set({ note: null }).where("referral_id", "in", ids).execute();
    // A message to the person not yet sent can no longer be: its address is gone.
    await trx
      .updateTable("messages")
      .set({ status: "failed", last_error: "erased", next_attempt_at: now.toISOString() })
      .where("related_type", "=", "referral-person")
      .where("related_id", "in", ids)
      .where("status", "in", ["queued", "sending"])
      .execute();
    await trx.updateTable("messages").set({ recipient: "" }).where("related_type", "=", "referral-person").where("related_id", "in", ids).execute();
    return Number(result.numUpdatedRows);
  });
}
