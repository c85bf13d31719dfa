import { describe, expect, it } from 'vitest';
import { outboxEntry } from '../../../src/store/outbox';
import { createTestApp } from '../../helpers/app';

/** The e-mail a focal point gets when a request opens (the KAS focal point of the Kosovo example). */
function requestEmail(chatPlatforms?: ('slack' | 'discord')[]): string {
  const app = createTestApp(chatPlatforms ? { chatPlatforms } : {});
  try {
    expect(app.run('/endorse open PWG Terms of Reference version:v1').status).toBe('accepted');
    const rows = app.db.prepare(`SELECT id FROM outbox WHERE kind = 'endorsement-request' AND address = 'focal@kas.example.org'`).all() as { id: number }[];
    expect(rows).toHaveLength(1);
    return outboxEntry(app.db, rows[0]!.id)!.payload.text;
  } finally {
    app.close();
  }
}

describe('where an endorsement request says the buttons are', () => {
  it('names only the chat platforms the installation runs', () => {
    expect(requestEmail(['discord'])).toContain('In Discord, press Endorse, Object or Abstain under this message; anywhere else, type one of:');
    expect(requestEmail(['slack', 'discord'])).toContain('In Slack or Discord, press Endorse');
  });

  it('tells people only what to type when no chat platform runs', () => {
    const text = requestEmail();
    expect(text).toContain('To vote, type one of:');
    expect(text).not.toMatch(/Slack|Discord|press/);
    expect(text).toContain('/endorse vote E1 endorse');
  });
});
