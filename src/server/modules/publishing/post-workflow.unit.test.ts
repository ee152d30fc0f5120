import { describe, expect, it } from 'vitest';
import { POST_STEPS, postCapabilities } from './post-workflow.ts';
import { POST_STATUSES } from './publishing.schemas.ts';

describe('posts workflow capabilities', () => {
  const writer = { write: true, publish: false };
  const publisher = { write: true, publish: true };
  const reader = { write: false, publish: false };

  it('a writer edits and submits drafts; nothing else', () => {
    expect(postCapabilities('draft', writer)).toEqual({ edit: true, submit: true, publish: false, schedule: false, return: false, unpublish: false });
    expect(postCapabilities('review', writer)).toEqual({ edit: true, submit: false, publish: false, schedule: false, return: false, unpublish: false });
    expect(postCapabilities('published', writer).edit).toBe(false);
  });

  it('a publisher takes every step the status allows; a reader none', () => {
    expect(postCapabilities('review', publisher)).toEqual({ edit: true, submit: false, publish: true, schedule: true, return: true, unpublish: false });
    expect(postCapabilities('published', publisher)).toEqual({ edit: true, submit: false, publish: false, schedule: false, return: false, unpublish: true });
    expect(postCapabilities('scheduled', publisher)).toMatchObject({ publish: true, unpublish: true });
    for (const status of POST_STATUSES) expect(Object.values(postCapabilities(status, reader)).some(Boolean)).toBe(false);
  });

  it('each step is offered exactly from the statuses the service accepts', () => {
    for (const status of POST_STATUSES) {
      const c = postCapabilities(status, publisher);
      expect(c.submit).toBe((POST_STEPS.submit.from as readonly string[]).includes(status));
      expect(c.return).toBe((POST_STEPS.return.from as readonly string[]).includes(status));
      expect(c.publish).toBe((POST_STEPS.publish.from as readonly string[]).includes(status));
      expect(c.unpublish).toBe((POST_STEPS.unpublish.from as readonly string[]).includes(status));
    }
  });
});
