import { describe, expect, it } from "vitest";
import { formatDistanceKm, haversineKm } from "~/directory/geo";

describe("haversineKm", () => {
  it("measures Maidstone to Margate at about 61 km", () => {
    expect(haversineKm({ lat: 51.2724, lon: 0.5229 }, { lat: 51.3891, lon: 1.3862 })).toBeCloseTo(61.5, 0);
  });

  it("is zero for the same point and symmetric", () => {
    const a = { lat: 51.132, lon: 0.263 };
    const b = { lat: 51.335, lon: 1.419 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 10);
  });

  it("measures one degree of latitude as about 111 km", () => {
    expect(haversineKm({ lat: 51, lon: 0 }, { lat: 52, lon: 0 })).toBeCloseTo(111.2, 0);
  });
});

describe("formatDistanceKm", () => {
  it("gives one decimal place under 10 km and whole kilometres above", () => {
    expect(formatDistanceKm(0.42)).toBe("0.4 km");
    expect(formatDistanceKm(3)).toBe("3.0 km");
    expect(formatDistanceKm(9.96)).toBe("10 km");
    expect(formatDistanceKm(12.4)).toBe("12 km");
    expect(formatDistanceKm(0.01)).toBe("less than 0.1 km");
  });
});
