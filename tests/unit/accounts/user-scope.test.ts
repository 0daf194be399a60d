import { describe, expect, it } from "vitest";
import { canChangeAccount, canSeeAccount, type Manager } from "~/accounts/user-scope";

const coordinator: Manager = { id: "c", name: "Nora", email: "nora@example.org", role: "coordinator", areaIds: ["north", "east"] };
const admin: Manager = { id: "a", name: "Ada", email: "ada@example.org", role: "admin", areaIds: [] };

describe("which accounts a coordinator may change", () => {
  it("may change people whose areas are all theirs", () => {
    expect(canChangeAccount(coordinator, { role: "staff", areaIds: ["north"] })).toBe(true);
    expect(canChangeAccount(coordinator, { role: "champion", areaIds: ["north", "east"] })).toBe(true);
    expect(canChangeAccount(coordinator, { role: "coordinator", areaIds: ["east"] })).toBe(true);
  });

  it("may see, but not change, a fellow coordinator who also coordinates an area they do not", () => {
    const other = { role: "coordinator" as const, areaIds: ["north", "south"] };
    expect(canSeeAccount(coordinator, other)).toBe(true);
    expect(canChangeAccount(coordinator, other)).toBe(false);
  });

  it("may not change anyone else who also works in an area they do not coordinate", () => {
    expect(canChangeAccount(coordinator, { role: "staff", areaIds: ["north", "south"] })).toBe(false);
    expect(canChangeAccount(coordinator, { role: "champion", areaIds: ["south", "east"] })).toBe(false);
  });

  it("may never change an administrator, nor anyone outside their areas", () => {
    expect(canChangeAccount(coordinator, { role: "admin", areaIds: ["north"] })).toBe(false);
    expect(canChangeAccount(coordinator, { role: "staff", areaIds: ["south"] })).toBe(false);
    expect(canChangeAccount(coordinator, { role: "staff", areaIds: [] })).toBe(false);
  });

  it("leaves administrators free to change anyone", () => {
    expect(canChangeAccount(admin, { role: "coordinator", areaIds: ["north", "south"] })).toBe(true);
    expect(canChangeAccount(admin, { role: "admin", areaIds: [] })).toBe(true);
  });
});
