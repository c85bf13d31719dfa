import { describe, expect, it } from 'vitest';
import { formIn } from '../../src/chat/form-words';
import { REASON_FORM, SCHEDULE_FORM } from '../../src/chat/forms';
import { voteIntent } from '../../src/chat/intent';
import { sayIn } from '../../src/i18n/say';

describe('a form in the reader words (formIn)', () => {
  it('keeps every English word of the form as it was, and adds the range and Cancel', () => {
    const drawn = formIn(SCHEDULE_FORM, sayIn('en'));
    expect(drawn.title).toBe(SCHEDULE_FORM.title);
    expect(drawn.submit).toBe(SCHEDULE_FORM.submit);
    expect(drawn.cancel).toBe('Cancel');
    expect(drawn.inputs.map((i) => [i.label, i.hint, i.choices?.map((c) => c.label)])).toEqual(
      SCHEDULE_FORM.inputs.map((i) => [i.label, i.hint, i.choices?.map((c) => c.label)]),
    );
    expect(drawn.inputs.find((i) => i.name === 'duration')!.range).toBe('5 to 1440.');
    expect(drawn.intro).toBeUndefined();
    const objection = formIn(REASON_FORM, sayIn('en'), voteIntent('E3', 'object'));
    expect([objection.title, objection.submit, objection.inputs[0]!.label, objection.intro]).toEqual(['Object', 'Object', REASON_FORM.inputs[0]!.label, 'Your organisation objects to E3.']);
  });

  it('says the schedule form in Serbian Cyrillic: labels, hints, the groups and key meetings by name; names and values unchanged', () => {
    const drawn = formIn(SCHEDULE_FORM, sayIn('sr-Cyrl'));
    expect([drawn.title, drawn.submit, drawn.cancel]).toEqual(['Закажите састанак', 'Закажи', 'Откажи']);
    const input = (name: string) => drawn.inputs.find((i) => i.name === name)!;
    expect(input('date')).toMatchObject({ label: 'Датум', hint: 'У временској зони профилисања.', placeholder: 'YYYY-MM-DD', kind: 'date', required: true });
    expect(input('group').choices).toEqual([{ value: 'PWG', label: 'PWG: Радна група за профилисање' }, { value: 'PMG', label: 'PMG: Управљачка група за профилисање' }]);
    expect(input('milestone').choices![0]).toEqual({ value: 'tor', label: 'Циљеви и TOR' });
    expect(input('duration').range).toBe('Од 5 до 1440.');
    expect(drawn.inputs.map((i) => i.name)).toEqual(SCHEDULE_FORM.inputs.map((i) => i.name));
    expect(drawn.essential).toEqual(SCHEDULE_FORM.essential);
  });

  it('keeps Object, the command word, on the Albanian reason form and says the rest in Albanian', () => {
    const drawn = formIn(REASON_FORM, sayIn('sq'), voteIntent('E3', 'object'));
    expect([drawn.title, drawn.submit, drawn.cancel]).toEqual(['Object', 'Object', 'Anulo']);
    expect(drawn.inputs[0]!.label).toBe('Pse kundërshton organizata juaj?');
    expect(drawn.intro).toBe('Organizata juaj kundërshton E3.');
  });
});
