/**
 * The wording of every referral message. Messages to staff never carry the person's details: an
 * email can be forwarded, printed or read over a shoulder, so it says only that there is something
 * to look at and links to it behind sign-in. The message to the person is theirs, so it carries
 * their reference and what happens next.
 */
import { formatReferenceCode } from "~/lib/reference-code";
import { REMINDER_AFTER_WORKING_DAYS } from "./chasers";
import { STATUS_LABELS } from "./status-machine";
import type { ReferralStatus } from "~db/schema/referrals";

export interface StaffMessage {
  subject: string;
  body: string;
}

const NO_DETAILS = "For privacy, this email does not include the person's details. Sign in to Waymark to see them.";

export function newReferralMessage(serviceName: string, link: string): StaffMessage {
  return {
    subject: `New referral for ${serviceName}`,
    body: [
      `Someone has been referred to ${serviceName} through Waymark.`,
      `Please accept or decline the referral within ${REMINDER_AFTER_WORKING_DAYS} working days:`,
      link,
      NO_DETAILS,
    ].join("\n\n"),
  };
}

export function selfReferralMessage(areaName: string, link: string): StaffMessage {
  return {
    subject: `A resident in ${areaName} has asked for help`,
    body: [
      `A resident in ${areaName} used Waymark to ask someone to contact them. They did not choose a service, so it is waiting for a coordinator.`,
      link,
      NO_DETAILS,
    ].join("\n\n"),
  };
}

export function safeguardingMessage(serviceName: string, link: string): StaffMessage {
  return {
    subject: "Safeguarding concern on a new referral",
    body: [
      `A referral to ${serviceName} was made with a safeguarding concern. Please look at it today.`,
      link,
      NO_DETAILS,
    ].join("\n\n"),
  };
}

/**
 * A concern raised while signposting someone who refused a referral. Waymark holds nothing about
 * the person, so the message says who raised it, about which service, and the record's reference.
 */
export function signpostSafeguardingMessage(input: { referrer: string; referrerEmail: string | null; serviceName: string; reference: string; link: string }): StaffMessage {
  const contact = input.referrerEmail ? `${input.referrer} (${input.referrerEmail})` : input.referrer;
  return {
    subject: "Safeguarding concern raised without a referral",
    body: [
      `${input.referrer} has a safeguarding concern about someone they were helping. The person did not agree to a referral to ${input.serviceName}, so Waymark holds no details about them.`,
      `Please contact ${contact} today. The signpost record is ${formatReferenceCode(input.reference)}:`,
      input.link,
    ].join("\n\n"),
  };
}

export function unsentReferralMessage(serviceName: string, link: string): StaffMessage {
  return {
    subject: `A referral to ${serviceName} could not be sent`,
    body: [
      `Nobody at ${serviceName} can be told about a new referral: the organisation has no email address and no one signed up to Waymark.`,
      "Please contact them, or send the referral somewhere else:",
      link,
      NO_DETAILS,
    ].join("\n\n"),
  };
}

export function statusChangeMessage(reference: string, status: ReferralStatus, link: string): StaffMessage {
  return {
    subject: `Referral ${formatReferenceCode(reference)}: ${STATUS_LABELS[status]}`,
    body: [`The referral ${formatReferenceCode(reference)} you made has changed to “${STATUS_LABELS[status]}”.`, link, NO_DETAILS].join(
      "\n\n",
    ),
  };
}

export function providerReminderMessage(serviceName: string, workingDays: number, link: string): StaffMessage {
  return {
    subject: `Reminder: a referral to ${serviceName} is waiting`,
    body: [`A referral to ${serviceName} has waited ${workingDays} working days for an answer. Please accept or decline it:`, link, NO_DETAILS].join(
      "\n\n",
    ),
  };
}

export function coordinatorFlagMessage(serviceName: string, workingDays: number, link: string): StaffMessage {
  return {
    subject: `Stuck referral: ${serviceName} has not answered`,
    body: [
      `A referral to ${serviceName} has had no answer for ${workingDays} working days, even after a reminder. Please follow it up:`,
      link,
      NO_DETAILS,
    ].join("\n\n"),
  };
}

/** To the person, by text or email: short, plain, reading age about 9. */
export function personConfirmationMessage(input: { reference: string; helperName: string }): StaffMessage {
  const reference = formatReferenceCode(input.reference);
  return {
    subject: `Your Waymark reference: ${reference}`,
    body: [
      `Your reference is ${reference}.`,
      `We have asked ${input.helperName} to contact you. They should get in touch within about a week.`,
      "If you have not heard by then, or you no longer need help, tell the person who helped you, and give them your reference.",
    ].join("\n\n"),
  };
}
