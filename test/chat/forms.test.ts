import { describe, expect, it } from 'vitest';
import { REASON_FORM, SCHEDULE_FORM, formIntent, formToOpen, inputOfRefusal, inputsWithin } from '../../src/chat/forms';
import { intentCommand } from '../../src/chat/intent';
import { GROUPS, MILESTONES } from '../../src/domain/vocabulary';
import { buildRegistry } from '../../src/use-cases/index';

const registry = buildRegistry();

describe('chat forms', () => {
  it('name their inputs after the params and options of their command', () => {
    const def = registry.get(SCHEDULE_FORM.command)!;
    const names = [...def.params.map((p) => p.name), ...Object.keys(def.options ?? {})];
    expect(SCHEDULE_FORM.inputs.map((i) => i.name).sort()).toEqual(names.sort());
    expect(new Set(SCHEDULE_FORM.essential)).toEqual(new Set(names));
    expect(registry.get(REASON_FORM.command)!.params.some((p) => p.rest)).toBe(true);
  });

  it('offer the TOR vocabularies as choices', () => {
    const choices = (name: string) => SCHEDULE_FORM.inputs.find((i) => i.name === name)!.choices!.map((c) => c.value);
    expect(choices('group')).toEqual([...GROUPS]);
    expect(choices('milestone')).toEqual([...MILESTONES]);
  });

  it('fit a platform that holds five inputs: the required ones and the short-notice reason, in form order', () => {
    const five = inputsWithin(SCHEDULE_FORM, 5);
    expect(five.map((i) => i.name)).toEqual(['group', 'date', 'time', 'title', 'urgent']);
    expect(SCHEDULE_FORM.inputs.filter((i) => i.required).every((i) => five.includes(i))).toBe(true);
    expect(inputsWithin(SCHEDULE_FORM, 100)).toEqual(SCHEDULE_FORM.inputs);
  });

  it('become an intent with what was entered, ignoring empty and unknown inputs', () => {
    const intent = formIntent(SCHEDULE_FORM, { group: 'PWG', date: ' 2026-12-10 ', time: '10:00', title: 'Kick-off', where: '  ', urgent: null, admin: 'yes' });
    expect(intent).toEqual({ command: 'meeting schedule', args: { group: 'PWG', date: '2026-12-10', time: '10:00', title: 'Kick-off' } });
    expect(intentCommand(registry, intent)).toBe('/meeting schedule PWG 2026-12-10 10:00 "Kick-off"');
  });

  it('show a refusal on the input it is about, else on the first', () => {
    expect(inputOfRefusal(SCHEDULE_FORM.inputs, { status: 'refused', code: 'rule', reply: 'x', audience: 'person', field: 'urgent' })).toBe('urgent');
    expect(inputOfRefusal(inputsWithin(SCHEDULE_FORM, 4), { status: 'refused', code: 'rule', reply: 'x', audience: 'person', field: 'urgent' })).toBe('group');
    expect(inputOfRefusal(SCHEDULE_FORM.inputs, { status: 'refused', code: 'forbidden', reply: 'x', audience: 'person' })).toBe('group');
  });

  it('open instead of the command only when it is typed alone', () => {
    expect(formToOpen('/meeting schedule')).toBe(SCHEDULE_FORM);
    expect(formToOpen('/Meeting  SCHEDULE ')).toBe(SCHEDULE_FORM);
    expect(formToOpen('/meeting schedule PWG')).toBeNull();
    expect(formToOpen('/meeting "schedule"')).toBeNull();
    expect(formToOpen('/meeting list')).toBeNull();
  });
});
