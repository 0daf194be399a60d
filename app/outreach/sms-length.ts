/**
 * How long a text message is in the units networks bill: GSM 03.38 characters when every
 * character is in that alphabet (some of its extension characters count twice), otherwise
 * UCS-2, where one emoji or curly quote turns the whole message into the smaller Unicode limits.
 */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "^{}\\[~]|€\f";

export type SmsEncoding = "GSM-7" | "Unicode";

export interface SmsLength {
  encoding: SmsEncoding;
  /** Units counted against the limits: GSM septets, or UTF-16 code units for Unicode. */
  length: number;
  fragments: number;
  /** The single-message and per-fragment limits for this encoding. */
  singleLimit: number;
  fragmentLimit: number;
  /** Characters that forced Unicode, so the writer can replace them. */
  unicodeCharacters: string[];
}

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  "GSM-7": { single: 160, part: 153 },
  Unicode: { single: 70, part: 67 },
};

export function smsLength(text: string): SmsLength {
  let septets = 0;
  const unicode = new Set<string>();
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) septets += 1;
    else if (GSM_EXTENSION.includes(ch)) septets += 2;
    else unicode.add(ch);
  }
  const encoding: SmsEncoding = unicode.size > 0 ? "Unicode" : "GSM-7";
  const length = encoding === "GSM-7" ? septets : text.length;
  const { single, part } = LIMITS[encoding];
  const fragments = length === 0 ? 0 : length <= single ? 1 : Math.ceil(length / part);
  return { encoding, length, fragments, singleLimit: single, fragmentLimit: part, unicodeCharacters: [...unicode] };
}

/** Pence, from a price per fragment; Notify bills each fragment once a service's free allowance is used. */
export function smsCostPence(fragments: number, recipients: number, pencePerFragment: number): number {
  return Math.round(fragments * recipients * pencePerFragment * 100) / 100;
}

export function formatPounds(pence: number): string {
  return `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
