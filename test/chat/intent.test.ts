import { describe, expect, it } from 'vitest';
import { INTENT_MAX, decodeIntent, doneIntent, encodeIntent, intentCommand, voteIntent, withReason } from '../../src/chat/intent';
import { buildRegistry } from '../../src/use-cases/index';

const registry = buildRegistry();

describe('chat intents', () => {
  it('encode compactly and decode to the same intent', () => {
    const object = voteIntent('E3', 'object');
    expect(encodeIntent(object)).toBe('cv1|endorse vote|id=E3&choice=object|r');
    expect(decodeIntent(encodeIntent(object))).toEqual({ command: 'endorse vote', args: { id: 'E3', choice: 'object' }, needsReason: true });
    expect(decodeIntent(encodeIntent(doneIntent('A7')))).toEqual({ command: 'minutes done', args: { 'action-id': 'A7' } });
    expect(encodeIntent(voteIntent('E123456789', 'abstain')).length).toBeLessThanOrEqual(INTENT_MAX);
  });

  it('read the buttons posted before intents: E3:endorse and the vote command itself', () => {
    expect(decodeIntent('E3:endorse')).toEqual({ command: 'endorse vote', args: { id: 'E3', choice: 'endorse' } });
    expect(decodeIntent('/endorse vote E12 object')).toEqual({ command: 'endorse vote', args: { id: 'E12', choice: 'object' }, needsReason: true });
  });

  it('refuse anything else a client may send', () => {
    for (const v of ['', 'cv1', 'cv1|endorse vote|id=E3|x', 'cv2|endorse vote|id=E3|', 'cv1|Endorse Vote|id=E3|', 'cv1|endorse vote|id=E3&id=E4|',
      'cv1|endorse vote|ID=E3|', `cv1|endorse vote|id=${'9'.repeat(200)}|`, 'cv1|endorse vote; /members role|id=E3|', 'ORG:UNHCR:endorse', 'E3:endorse UNHCR']) {
      expect(decodeIntent(v)).toBeNull();
    }
  });

  it('become the command line of the grammar; a reason goes into the free text', () => {
    expect(intentCommand(registry, voteIntent('E3', 'endorse'))).toBe('/endorse vote E3 endorse');
    expect(intentCommand(registry, withReason(registry, voteIntent('E3', 'object'), 'Section "IV"\nis unclear'))).toBe('/endorse vote E3 object "Section \\"IV\\"\nis unclear"');
    expect(withReason(registry, voteIntent('E3', 'object'), 'x').needsReason).toBeUndefined();
    expect(intentCommand(registry, doneIntent('A7'))).toBe('/minutes done A7');
    expect(intentCommand(registry, { command: 'members nonsense', args: {} })).toBeNull();
  });

  it('refuse to encode an intent that would not fit a Discord custom_id', () => {
    expect(() => encodeIntent({ command: 'endorse vote', args: { id: 'E1', choice: 'x'.repeat(95) } })).toThrow(/100/);
  });

  it('refuse to encode an intent that decodeIntent would not read back: a bad command or argument name', () => {
    expect(() => encodeIntent({ command: 'Endorse Vote', args: {} })).toThrow(/bad command/);
    expect(() => encodeIntent({ command: 'endorse vote', args: { ID: 'E1' } })).toThrow(/bad argument name "ID"/);
    expect(() => encodeIntent({ command: 'endorse vote', args: { id: 'E1', choice: 'x'.repeat(101) } })).toThrow(/longer than 100/);
  });
});
