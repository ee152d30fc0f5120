// The demo's social pages: the local fake Graph API and fake Zalo OA API (providers/social), started on loopback
// like the demo's SMSC simulator, with one page and one OA whose tokens seed-social.ts connects to the Sở VHTTDL.
// Nothing leaves the machine: posts land in the fakes, and the citizens' messages come from them as signed webhooks.
import type { Logger } from '../platform/logger.ts';
import { createSocialProviders, startFakeFacebook, startFakeZalo } from '../providers/social/index.ts';
import type { SocialProviders } from '../providers/social/index.ts';

/** The demo page and OA (fixed values: they only open the local fakes). */
export const DEMO_SOCIAL = {
  facebook: {
    pageId: '108000000000012',
    displayName: 'Sở VHTTDL Lai Châu (Facebook mô phỏng)',
    accessToken: 'EAADemoLoaPageToken0000000000000000000000LaiChau',
    appSecret: 'demo0app0secret0facebook00000012',
  },
  zalo: {
    pageId: '4300000000000000012',
    displayName: 'Zalo OA Sở VHTTDL Lai Châu (mô phỏng)',
    accessToken: 'DemoLoaZaloOAToken000000000000000000000LaiChau',
    appSecret: 'DemoZaloOASecretKey00012',
    appId: '1200000000000000012',
  },
} as const;

export interface DemoSocial {
  providers: SocialProviders;
  /** Two citizens write in (a Facebook message, a Zalo message), signed like the platforms sign them, to Loa at `baseUrl`. */
  sendCitizenMessages(baseUrl: string): Promise<void>;
  close(): Promise<void>;
}

export async function startDemoSocial(logger: Logger, opts: { coverUrl: string }): Promise<DemoSocial> {
  const fb = await startFakeFacebook({ pageTokens: { [DEMO_SOCIAL.facebook.pageId]: DEMO_SOCIAL.facebook.accessToken }, appSecret: DEMO_SOCIAL.facebook.appSecret });
  const zalo = await startFakeZalo({
    oaTokens: { [DEMO_SOCIAL.zalo.pageId]: DEMO_SOCIAL.zalo.accessToken },
    appId: DEMO_SOCIAL.zalo.appId,
    oaSecretKey: DEMO_SOCIAL.zalo.appSecret,
  });
  logger.info({ facebook: fb.url, zalo: zalo.url }, 'demo: local Facebook Graph and Zalo OA simulators (bài đăng, tin nhắn không ra khỏi máy này)');
  const providers = createSocialProviders({ FACEBOOK_GRAPH_URL: fb.url, ZALO_OA_URL: zalo.url }, { zaloDefaultCoverUrl: opts.coverUrl });
  return {
    providers,
    async sendCitizenMessages(baseUrl) {
      const sent = [
        await fb.sendWebhook(`${baseUrl}/webhooks/facebook`, {
          kind: 'message',
          pageId: DEMO_SOCIAL.facebook.pageId,
          senderId: '6100000000000001',
          text: 'Cho em hỏi khi nào xã em có lịch tiêm phòng sởi cho trẻ dưới 5 tuổi ạ?',
        }),
        await zalo.sendWebhook(`${baseUrl}/webhooks/zalo`, {
          oaId: DEMO_SOCIAL.zalo.pageId,
          userId: '8800000000000000001',
          text: 'Báo tin: ngầm tràn bản Nà Hiềng đang ngập sâu, xe máy không qua được, đề nghị cắm biển cảnh báo.',
        }),
      ];
      for (const r of sent) if (r.status !== 200) logger.warn({ status: r.status }, 'demo: a simulated citizen message was refused');
    },
    async close() {
      await fb.close();
      await zalo.close();
    },
  };
}
