import { createSession } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import type { SessionData } from "~/accounts/session.server";
import { canReadTriageResult, chooseArea, observationProblem } from "~/triage/assisted-triage";
import { CHECK_SESSION_KEY, TRIAGE_SESSION_KEY, clearAssisted, readAssisted, readCheck, writeAssisted, writeCheck } from "~/triage/triage-session.server";

describe("chooseArea", () => {
  const areas = [
    { id: "maidstone", districts: ["ME14", "ME15"] },
    { id: "thanet", districts: ["CT9"] },
  ];
  it("prefers the chosen area, then the postcode's, then the champion's first", () => {
    expect(chooseArea({ chosenAreaId: "thanet", outwardCode: "ME14", areas, userAreaIds: ["maidstone"] })).toBe("thanet");
    expect(chooseArea({ chosenAreaId: null, outwardCode: "CT9", areas, userAreaIds: ["maidstone"] })).toBe("thanet");
    expect(chooseArea({ chosenAreaId: null, outwardCode: "TN1", areas, userAreaIds: ["maidstone", "thanet"] })).toBe("maidstone");
    expect(chooseArea({ chosenAreaId: null, outwardCode: null, areas, userAreaIds: [] })).toBeNull();
  });
});

describe("canReadTriageResult", () => {
  const result = { createdByUserId: "creator", areaId: "maidstone" };
  it("lets the creator, a coordinator of the area and an admin read a result", () => {
    expect(canReadTriageResult({ id: "creator", role: "champion", areaIds: [] }, result)).toBe(true);
    expect(canReadTriageResult({ id: "c", role: "coordinator", areaIds: ["maidstone"] }, result)).toBe(true);
    expect(canReadTriageResult({ id: "a", role: "admin", areaIds: [] }, result)).toBe(true);
  });
  it("keeps it from colleagues, champions in the same area, other coordinators and providers", () => {
    expect(canReadTriageResult({ id: "other", role: "champion", areaIds: ["maidstone"] }, result)).toBe(false);
    expect(canReadTriageResult({ id: "other", role: "staff", areaIds: ["maidstone"] }, result)).toBe(false);
    expect(canReadTriageResult({ id: "c", role: "coordinator", areaIds: ["thanet"] }, result)).toBe(false);
    expect(canReadTriageResult({ id: "c", role: "coordinator", areaIds: ["maidstone"] }, { ...result, areaId: null })).toBe(false);
    expect(canReadTriageResult({ id: "creator", role: "provider", areaIds: ["maidstone"] }, result)).toBe(false);
  });
});

describe("observationProblem", () => {
  it("refuses email addresses and phone numbers, and lets ordinary notes through", () => {
    expect(observationProblem("Her email is sam@example.com")).toContain("email address");
    expect(observationProblem("Ring 07700 900 982 after 3")).toContain("phone number");
    expect(observationProblem("+44 7700 900982")).toContain("phone number");
    expect(observationProblem("Has 2 children, comes in on 3 days a week, phone from 2019")).toBeNull();
  });
});

describe("triage answers in the session", () => {
  const session = () => createSession<SessionData>({}, "test");

  it("reads back what was written, and nothing from a missing or damaged entry", () => {
    const s = session();
    expect(readCheck(s)).toEqual({ answers: {} });
    writeCheck(s, { answers: { goals: ["health"], confidence: 4 } });
    expect(readCheck(s)).toEqual({ answers: { goals: ["health"], confidence: 4 } });
    s.set(CHECK_SESSION_KEY, { answers: { goals: { evil: true } } });
    expect(readCheck(s)).toEqual({ answers: {} });
  });

  it("hands a triage in progress only to the user who started it", () => {
    const s = session();
    const state = { userId: "priya", answers: { goals: { skipped: true as const } }, postcode: "ME14", areaId: null, venue: "library", residentLanguage: "pl", startedAt: "2025-01-01T10:00:00.000Z" };
    writeAssisted(s, state);
    expect(readAssisted(s, "priya")).toEqual(state);
    expect(readAssisted(s, "tom")).toBeNull();
    s.set(TRIAGE_SESSION_KEY, { ...state, answers: "nonsense" });
    expect(readAssisted(s, "priya")).toBeNull();
    writeAssisted(s, state);
    clearAssisted(s);
    expect(readAssisted(s, "priya")).toBeNull();
  });
});
