import { describe, expect, it } from "vitest";
import { orukPage, pageOffset } from "~/directory/oruk-page";
import { stableId } from "~/directory/stable-id";

describe("orukPage", () => {
  it("describes a middle page", () => {
    expect(orukPage(["c", "d"], 5, { page: 2, perPage: 2 })).toEqual({
      total_items: 5,
      total_pages: 3,
      page_number: 2,
      size: 2,
      first_page: false,
      last_page: false,
      empty: false,
      contents: ["c", "d"],
    });
    expect(pageOffset({ page: 2, perPage: 2 })).toBe(2);
  });

  it("marks a short last page and an empty page past the end", () => {
    expect(orukPage(["e"], 5, { page: 3, perPage: 2 })).toMatchObject({ last_page: true, empty: false });
    expect(orukPage([], 5, { page: 4, perPage: 2 })).toMatchObject({ last_page: true, empty: true, total_pages: 3 });
  });

  it("treats an empty list as one first-and-last page with nothing in it", () => {
    expect(orukPage([], 0, { page: 1, perPage: 20 })).toMatchObject({ total_pages: 0, first_page: true, last_page: true, empty: true });
  });
});

describe("stableId", () => {
  it("gives the same version 5 UUID for the same content, and a different one otherwise", () => {
    const id = stableId("service", "rural-digital-bus");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableId("service", "rural-digital-bus")).toBe(id);
    expect(stableId("location", "rural-digital-bus")).not.toBe(id);
    expect(stableId("service", "rural-digital-bus-2")).not.toBe(id);
  });
});
