import type { OutreachChannel } from "./outreach";

export interface CampaignText {
  channel: OutreachChannel;
  subject: string;
  body: string;
  /** The linked service's name, if the campaign links one. */
  serviceName: string | null;
}

export interface PersonalLinks {
  baseUrl: string;
  /** The recipient row id: the "find out more" link counts who followed it. */
  recipientId: string;
  stopToken: string;
  /** True where Notify passes text replies to us, so "reply STOP" works. */
  replyStop: boolean;
}

/** Same length as real ids and tokens, so a preview counts exactly the characters that will be sent. */
export const SAMPLE_LINKS = { recipientId: "00000000-0000-4000-8000-000000000000", stopToken: "x".repeat(32) };

/**
 * The message one person receives: the writer's words, a link to find out more (to the linked
 * service, or the self-check) and how to stop, in every message.
 */
export function personalMessage(campaign: CampaignText, links: PersonalLinks): { subject: string; body: string } {
  const more = `${links.baseUrl}/outreach/go/${links.recipientId}`;
  const stop = `${links.baseUrl}/outreach/stop/${links.stopToken}`;
  const lead = campaign.serviceName ? `Find out more about ${campaign.serviceName}` : "Find out more";
  if (campaign.channel === "sms") {
    const stopLine = links.replyStop ? `Reply STOP to stop these texts, or go to ${stop}` : `To stop these texts go to ${stop}`;
    return { subject: "", body: `${campaign.body.trim()}\n\n${lead}: ${more}\n\n${stopLine}` };
  }
  return {
    subject: campaign.subject.trim(),
    body: `${campaign.body.trim()}\n\n${lead}: ${more}\n\n---\n\nYou asked Waymark to tell you about help near you. To stop these emails, go to ${stop}`,
  };
}
