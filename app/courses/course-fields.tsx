import { Input } from "~/components/input";
import { Radios } from "~/components/radios";
import { Select } from "~/components/select";
import { Textarea } from "~/components/textarea";
import { MAX_WEEKS } from "./courses";

type Values = Record<string, string | string[]>;
const text = (values: Values, key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);

/** A course's details, for adding a course and changing one. */
export function CourseFields({ listings, values, errors }: { listings: Array<{ id: string; name: string }>; values: Values; errors: Record<string, string> }) {
  return (
    <>
      <Select
        name="serviceId"
        label="Which of your listings is this course part of?"
        hint="The course’s next sessions show on this listing’s page in the directory."
        items={[{ value: "", text: "Choose a listing" }, ...listings.map((l) => ({ value: l.id, text: l.name }))]}
        defaultValue={text(values, "serviceId")}
        error={errors.serviceId}
      />
      <Input name="title" label="Course title" hint="For example, Getting started online" defaultValue={text(values, "title")} error={errors.title} />
      <Textarea name="description" label="What the course covers and who it is for" rows={4} defaultValue={text(values, "description")} error={errors.description} />
    </>
  );
}

/** One session, or the same session for a few weeks in a row. */
export function SessionFields({ values, errors }: { values: Values; errors: Record<string, string> }) {
  return (
    <>
      <Input name="date" label="Date of the first session" hint="For example, 2027-01-11" type="date" width="10" defaultValue={text(values, "date")} error={errors.date} />
      <Input name="startsAt" label="Start time" hint="For example, 10:00" type="time" width="5" defaultValue={text(values, "startsAt")} error={errors.startsAt} />
      <Input name="endsAt" label="End time" hint="For example, 12:00" type="time" width="5" defaultValue={text(values, "endsAt")} error={errors.endsAt} />
      <Radios
        name="where"
        legend="Where"
        legendSize="s"
        error={errors.where}
        defaultValue={text(values, "where") ?? "place"}
        items={[
          { value: "place", text: "At a place" },
          { value: "bus", text: "On the digital bus" },
        ]}
      />
      <Input name="place" label="Place, if not on the bus" hint="For example, Park Wood Community Hub" defaultValue={text(values, "place")} error={errors.place} />
      <Input name="capacity" label="How many people can come" inputMode="numeric" width="3" defaultValue={text(values, "capacity") ?? "8"} error={errors.capacity} />
      <Input
        name="weeks"
        label="How many weeks in a row"
        hint={`The same day and time each week, from 1 to ${MAX_WEEKS}. For five weekly sessions, enter 5.`}
        inputMode="numeric"
        width="2"
        defaultValue={text(values, "weeks") ?? "1"}
        error={errors.weeks}
      />
    </>
  );
}
