import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { importLaiChau } from '../../../../test/factories.ts';
import { buildActors, client, draftBody, signedDirective } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';

/** The detail of a directive says what the asking user may do now, by the server's policy (the web shows those buttons). */
describeApi('directives: capabilities in the detail', (kind) => {
  let t: TestContext;
  let x: Actors;
  let call: ReturnType<typeof client>;
  const on = (c: Record<string, boolean>) => Object.keys(c).filter((k) => c[k]);
  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    x = await buildActors(t.c);
    call = client(t.app);
  });
  afterAll(() => t.close());

  it('differ by role and status: the drafter edits a draft, the approver approves it; the clerk issues a signed one', async () => {
    const created = await call(x.drafter, 'POST', '/api/directives', draftBody(x));
    expect(created.status).toBe(201);
    expect(on(created.body.directive.capabilities)).toEqual(['edit', 'submit', 'attach', 'detach']);
    const id = String(created.body.directive.id);
    expect(on((await call(x.approver, 'GET', `/api/directives/${id}`)).body.directive.capabilities)).toEqual([]);

    const submitted = await call(x.drafter, 'POST', `/api/directives/${id}/submit`);
    expect(on(submitted.body.directive.capabilities)).toEqual(['attach']);
    expect(on((await call(x.approver, 'GET', `/api/directives/${id}`)).body.directive.capabilities)).toEqual(['approve', 'return']);
    expect(on((await call(x.clerk, 'GET', `/api/directives/${id}`)).body.directive.capabilities)).toEqual([]);

    const signed = await signedDirective(t.app, x);
    expect(on((await call(x.clerk, 'GET', `/api/directives/${signed}`)).body.directive.capabilities)).toEqual(['return', 'issue']);
    expect(on((await call(x.approver, 'GET', `/api/directives/${signed}`)).body.directive.capabilities)).toEqual([]);
    const issued = await call(x.clerk, 'POST', `/api/directives/${signed}/issue`, {});
    expect(on(issued.body.directive.capabilities)).toEqual(['revoke']);
    expect(on((await call(x.drafter, 'GET', `/api/directives/${signed}`)).body.directive.capabilities)).toEqual(['amend']);
    // A recipient commune reads it but may do nothing with it.
    expect(on((await call(x.communeClerk, 'GET', `/api/directives/${signed}`)).body.directive.capabilities)).toEqual([]);
  });
});
