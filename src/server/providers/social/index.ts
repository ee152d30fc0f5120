// The social providers Loa runs with: the Facebook Page and Zalo OA adapters against the real platforms, or against
// other base URLs (the local fakes of the demo and the tests) from FACEBOOK_GRAPH_URL and ZALO_OA_URL.
import type { Env } from '../../env.ts';
import { createFacebookProvider } from './facebook.ts';
import type { SocialPlatform, SocialProvider } from './port.ts';
import { createZaloProvider } from './zalo.ts';

export type SocialProviders = Record<SocialPlatform, SocialProvider>;

export interface SocialProvidersOptions {
  /** How long a platform call may go unanswered before it is ambiguous (default 15 s). */
  timeoutMs?: number;
  /** Zalo articles need a cover image URL: the one used when a post has no photo URL. */
  zaloDefaultCoverUrl?: string;
}

export function createSocialProviders(env: Partial<Pick<Env, 'FACEBOOK_GRAPH_URL' | 'ZALO_OA_URL'>>, options: SocialProvidersOptions = {}): SocialProviders {
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  return {
    facebook: createFacebookProvider({ ...timeout, ...(env.FACEBOOK_GRAPH_URL ? { baseUrl: env.FACEBOOK_GRAPH_URL } : {}) }),
    zalo: createZaloProvider({
      ...timeout,
      ...(env.ZALO_OA_URL ? { baseUrl: env.ZALO_OA_URL } : {}),
      ...(options.zaloDefaultCoverUrl ? { defaultCoverUrl: options.zaloDefaultCoverUrl } : {}),
    }),
  };
}

export type { FakeFacebook, FakeFacebookOptions, FakeFacebookEvent } from './fake-facebook-server.ts';
export type { FakeZalo, FakeZaloOptions, FakeZaloEvent } from './fake-zalo-server.ts';
export { startFakeFacebook } from './fake-facebook-server.ts';
export { startFakeZalo } from './fake-zalo-server.ts';
export { facebookWebhookHandshake } from './facebook.ts';
export { createFakeSocialProvider, socialError } from './fake.ts';
export type { FakeSocialProvider } from './fake.ts';
