import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export interface TrainingProgressTable {
  user_id: string;
  module_id: string;
  lesson_id: string;
  read_at: string;
}

export interface QuizAttemptTable {
  id: string;
  user_id: string;
  module_id: string;
  score_percent: number;
  /** 0 or 1. */
  passed: number;
  /** JSON object of question id → chosen option id. */
  answers: Generated<string>;
  attempted_at: string;
}

export interface PeopleHelpedTable {
  id: string;
  /** Null once the champion's account has been erased. */
  user_id: string | null;
  organisation_id: string;
  area_id: string | null;
  /** YYYY-MM-DD. */
  helped_on: string;
  /** A venue name, never anything about the person. */
  place: string;
  outward_code: string | null;
  /** JSON array of BarrierId. */
  barriers: Generated<string>;
  what_helped: Generated<string>;
  minutes: number;
  created_at: Generated<string>;
}

export interface KnowledgeTables {
  training_progress: TrainingProgressTable;
  quiz_attempts: QuizAttemptTable;
  people_helped: PeopleHelpedTable;
}

export type TrainingProgress = Selectable<TrainingProgressTable>;
export type NewTrainingProgress = Insertable<TrainingProgressTable>;
export type TrainingProgressUpdate = Updateable<TrainingProgressTable>;
export type QuizAttempt = Selectable<QuizAttemptTable>;
export type NewQuizAttempt = Insertable<QuizAttemptTable>;
export type QuizAttemptUpdate = Updateable<QuizAttemptTable>;
export type PersonHelped = Selectable<PeopleHelpedTable>;
export type NewPersonHelped = Insertable<PeopleHelpedTable>;
export type PersonHelpedUpdate = Updateable<PeopleHelpedTable>;
