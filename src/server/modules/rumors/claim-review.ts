// The correction's schema.org ClaimReview (https://schema.org/ClaimReview), as Google's fact-check markup reads it:
// the claim, where it appeared (and first), the rating on a 1–5 scale with the verdict in Vietnamese, the authority.
import { RUMOR_VERDICT_LABELS } from '../../../shared/contracts/rumors.ts';
import type { RumorVerdict } from '../../../shared/contracts/rumors.ts';

export interface ClaimReviewInput {
  /** The correction article's absolute URL and publication time. */
  url: string;
  datePublished: Date;
  headline: string;
  claimReviewed: string;
  verdict: RumorVerdict;
  /** Where the claim was seen (the reports' URLs), the first one first. */
  appearances: readonly string[];
  firstAppearance: { url: string; datePublished: Date | null } | null;
  author: { name: string; url: string };
}

export function claimReview(o: ClaimReviewInput): Record<string, unknown> {
  const label = RUMOR_VERDICT_LABELS[o.verdict];
  if (label.rating === null) throw new Error(`claimReview: the verdict ${o.verdict} has no rating`);
  const firstAppearance = o.firstAppearance
    ? { '@type': 'CreativeWork', url: o.firstAppearance.url, ...(o.firstAppearance.datePublished ? { datePublished: o.firstAppearance.datePublished.toISOString() } : {}) }
    : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: o.url,
    headline: o.headline,
    inLanguage: 'vi',
    datePublished: o.datePublished.toISOString(),
    claimReviewed: o.claimReviewed,
    itemReviewed: {
      '@type': 'Claim',
      appearance: [...new Set(o.appearances)].map((url) => ({ '@type': 'CreativeWork', url })),
      ...(firstAppearance ? { firstAppearance } : {}),
    },
    reviewRating: { '@type': 'Rating', ratingValue: label.rating, bestRating: 5, worstRating: 1, alternateName: label.vi },
    author: { '@type': 'GovernmentOrganization', name: o.author.name, url: o.author.url },
  };
}
