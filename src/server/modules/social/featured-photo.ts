import { buffer } from 'node:stream/consumers';
import type { SocialPhoto } from '../../providers/social/port.ts';
import { systemActor } from '../access/index.ts';
import type { PublishingService } from '../publishing/index.ts';

/** Larger images go without (the post keeps its link): Graph's photo upload takes up to 4 MB comfortably. */
const MAX_PHOTO_BYTES = 4 * 1024 * 1024;
const MEDIA_PATH = /^\/tep\/([0-9a-f-]{36})\//;

/**
 * A published post's featured image, read from the portal's library when it is one of its published JPEG/PNG files
 * (an outside URL or a draft file is not sent), with its public URL (Zalo covers are given by URL).
 */
export function createFeaturedPhotoReader(publishing: Pick<PublishingService, 'getPost' | 'portal'>, publicUrl: () => string) {
  const actor = systemActor('job:social.publish');
  return async (postId: string): Promise<SocialPhoto | null> => {
    const post = await publishing.getPost(actor, postId);
    const m = post.featuredImageUrl ? MEDIA_PATH.exec(post.featuredImageUrl) : null;
    if (!m?.[1] || !post.featuredImageUrl) return null;
    const file = await publishing.portal.openMedia(m[1]);
    if (!file) return null;
    const mime = file.media.mime;
    if ((mime !== 'image/jpeg' && mime !== 'image/png') || file.size > MAX_PHOTO_BYTES) {
      file.stream.destroy();
      return null;
    }
    return { bytes: await buffer(file.stream), mime, filename: file.media.fileName, url: `${publicUrl()}${post.featuredImageUrl}` };
  };
}
