import { Tag } from "~/components/tag";
import { MODULE_STATUS_TEXT, type ModuleStatus } from "./training-view";

const COLOURS = { passed: "green", "in-progress": "yellow", "not-started": "grey" } as const;

/** A module's state for one learner, as a coloured tag. */
export function ModuleStatusTag({ status }: { status: ModuleStatus }) {
  return <Tag colour={COLOURS[status]}>{MODULE_STATUS_TEXT[status]}</Tag>;
}
