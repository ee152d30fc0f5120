import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import type { AttachmentKind, CcPurpose, DirectiveStatus } from './directives-api.ts';
import { DIRECTIVE_STRINGS, directiveStrings } from './strings.ts';

// Compile-time guarantee that every directive status, cc purpose and attachment kind has a label.
const _statuses: Record<DirectiveStatus, string> = DIRECTIVE_STRINGS.vi.statuses;
const _purposes: Record<CcPurpose, string> = DIRECTIVE_STRINGS.vi.ccPurposes;
const _kinds: Record<AttachmentKind, string> = DIRECTIVE_STRINGS.vi.attachments.kind;
void [_statuses, _purposes, _kinds];

describe('directive strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: directiveStrings('vi'), en: directiveStrings('en') });
  });
});
