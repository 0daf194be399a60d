import type { CheckedPage } from "./browser";

export const DEMO_PASSWORD = "waymark-demo-2026";
export const DEMO_USERS = {
  champion: "champion@waymark.example",
  staff: "staff@waymark.example",
  provider: "provider@waymark.example",
  coordinator: "coordinator@waymark.example",
  admin: "admin@waymark.example",
} as const;

/** Signs in through the real form (scanning the sign-in page and the page it lands on). */
export async function signInAs(checked: CheckedPage, role: keyof typeof DEMO_USERS, password = DEMO_PASSWORD): Promise<void> {
  await checked.visit("/login");
  await checked.page.getByLabel("Email address").fill(DEMO_USERS[role]);
  await checked.page.getByLabel("Password").fill(password);
  await Promise.all([checked.page.waitForURL((url) => !url.pathname.startsWith("/login")), checked.page.getByRole("button", { name: "Sign in" }).click()]);
  await checked.check();
}

/**
 * Signs out from the header, as a person on a phone would: with JavaScript on, the Design System
 * folds the navigation behind a "Menu" button on narrow screens, so open it first when it shows.
 */
export async function signOut(checked: CheckedPage): Promise<void> {
  const { page } = checked;
  const menu = page.getByRole("button", { name: "Menu" });
  if (await menu.isVisible()) await menu.click();
  await Promise.all([page.waitForURL(/\/login\?signedOut=1/), page.getByRole("button", { name: "Sign out" }).click()]);
  await checked.check();
}
