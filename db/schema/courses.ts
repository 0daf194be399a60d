import type { Insertable, Selectable, Updateable } from "kysely";
import type { BookingSource, CourseStatus, SendDatesBy } from "~/courses/courses";

/** One learner, found again by triage reference, mobile or email (migration 018). */
export interface PersonTable {
  id: string;
  /** Null once their details are erased. */
  name: string | null;
  /** UK mobile as 07…. */
  phone: string | null;
  /** Lower case. */
  email: string | null;
  triage_reference: string | null;
  area_id: string | null;
  /** The exact words the person agreed to. */
  consent_text: string;
  consented_at: string;
  recorded_by_user_id: string | null;
  created_at: string;
  /** "YYYY-MM-DD": their last session day; the retention period runs from here. */
  last_seen_on: string;
  personal_data_erased_at: string | null;
}

export interface CourseTable {
  id: string;
  service_id: string;
  /** The provider organisation that owns the service. */
  organisation_id: string;
  title: string;
  description: string;
  status: CourseStatus;
  created_by_user_id: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface CourseSessionTable {
  id: string;
  course_id: string;
  /** UK wall-clock "YYYY-MM-DD". */
  date: string;
  /** UK wall-clock "HH:MM". */
  starts_at: string;
  ends_at: string;
  /** Null when on the digital bus. */
  place: string | null;
  on_bus: number;
  capacity: number;
  created_at: string;
}

export interface CourseBookingTable {
  id: string;
  course_id: string;
  person_id: string;
  source: BookingSource;
  /** The plan's or referral's reference. */
  source_reference: string | null;
  booked_by_user_id: string;
  consent_text: string;
  send_dates_by: SendDatesBy;
  booked_at: string;
}

export interface SessionAttendanceTable {
  session_id: string;
  person_id: string;
  attended: number;
  note: string | null;
  marked_by_user_id: string;
  marked_at: string;
}

export interface CourseTables {
  people: PersonTable;
  courses: CourseTable;
  course_sessions: CourseSessionTable;
  course_bookings: CourseBookingTable;
  session_attendance: SessionAttendanceTable;
}

export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type Course = Selectable<CourseTable>;
export type NewCourse = Insertable<CourseTable>;
export type CourseUpdate = Updateable<CourseTable>;
export type CourseSession = Selectable<CourseSessionTable>;
export type NewCourseSession = Insertable<CourseSessionTable>;
export type CourseBooking = Selectable<CourseBookingTable>;
export type SessionAttendance = Selectable<SessionAttendanceTable>;
