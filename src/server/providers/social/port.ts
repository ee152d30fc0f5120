// The social-page provider port (issue #14): what Loa needs from a Facebook Page or a Zalo Official Account,
// whatever the platform. Adapters (facebook.ts, zalo.ts) speak the platforms' public HTTP APIs against a base URL
// (the real one, or the local fake servers of the tests and the demo). Outcomes are classified so the caller knows
// whether a retry is safe and what to tell the operator.

export type SocialPlatform = 'facebook' | 'zalo';

/** One configured page/OA of a unit, with its secrets decrypted (only the social module holds these). */
export interface SocialAccountCredentials {
  platform: SocialPlatform;
  /** Facebook Page id, or Zalo OA id. */
  pageId: string;
  /** Page access token (Facebook) or OA access token (Zalo). */
  accessToken: string;
  /** Facebook App Secret (webhook HMAC, appsecret_proof) or the Zalo app's OA secret key (webhook MAC). */
  appSecret: string;
  /** Zalo app id (part of the webhook MAC); unused by Facebook. */
  appId?: string;
}

export interface SocialPhoto {
  bytes: Buffer;
  mime: 'image/jpeg' | 'image/png';
  filename: string;
  /** A public URL of the same image (the portal's copy): Zalo article covers are given by URL, not uploaded. */
  url?: string;
}

export interface SocialPostInput {
  /** The post's text (Facebook message; Zalo article body/description). */
  text: string;
  /** Title (Zalo articles need one; Facebook ignores it). */
  title: string;
  /** A link back to the portal. */
  link?: string;
  photo?: SocialPhoto;
  /** Publish later (Facebook scheduled post, 10 min – 30 days ahead); absent: now. */
  scheduledAt?: Date;
  /** The caller's id of this publication (logs; idempotency where the platform has it). */
  reference: string;
}

export interface SocialReplyInput {
  /** The platform's id of the person (Facebook PSID, Zalo user id), from an incoming message. */
  recipientId: string;
  /** Reply to a comment instead of a private message. */
  commentId?: string;
  text: string;
  reference: string;
}

export type SocialErrorKind =
  /** Rate limit (Graph codes 4/17/32/613, Zalo -32): retry after `retryAfterMs`. */
  | 'rate_limited'
  /** Token expired or revoked (Graph 190, Zalo -216/-124): the operator must reconnect the page; no retry. */
  | 'token_invalid'
  /** Missing permission, or outside the messaging window: no retry. */
  | 'not_allowed'
  /** The platform refused the content (bad parameter, too long, bad photo): no retry. */
  | 'invalid'
  /** 5xx, connection refused: safe to retry (nothing was created). */
  | 'temporary'
  /** The request was written but no answer came: the post may exist. Never resend blindly. */
  | 'ambiguous';

export interface SocialError {
  kind: SocialErrorKind;
  /** The platform's own code and message, kept for the operator and the logs. */
  platformCode: string | null;
  message: string;
  retryAfterMs: number | null;
}

export type SocialResult = { ok: true; id: string; permalink: string | null } | { ok: false; error: SocialError };

/** What a webhook delivered, normalised. `senderId` is personal data: the caller stores it protected. */
export interface IncomingSocialEvent {
  platform: SocialPlatform;
  pageId: string;
  kind: 'message' | 'comment';
  /** The platform's id of the event (message mid, comment id): replays carry the same id. */
  eventId: string;
  senderId: string;
  senderName: string | null;
  text: string;
  /** The post a comment is on. */
  postId: string | null;
  at: Date;
}

export interface WebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

export interface SocialProvider {
  readonly platform: SocialPlatform;
  publish(account: SocialAccountCredentials, post: SocialPostInput): Promise<SocialResult>;
  reply(account: SocialAccountCredentials, reply: SocialReplyInput): Promise<SocialResult>;
  /** Check the webhook's signature against the account's secret (constant-time). False: refuse and log. */
  verifyWebhook(account: Pick<SocialAccountCredentials, 'appSecret' | 'appId'>, request: WebhookRequest): boolean;
  /** Parse a verified webhook body; the page/OA id of each event says whose inbox it is. */
  parseWebhook(rawBody: Buffer): IncomingSocialEvent[];
}
