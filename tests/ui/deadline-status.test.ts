import { describe, expect, it } from 'vitest';
import { deadlineStatus, type DeadlineFacts } from '../../src/ui/deadline-status.ts';

const DEADLINE = 1_000;
const facts = (over: Partial<DeadlineFacts>): DeadlineFacts => ({
  clock: 700,
  deadline: DEADLINE,
  sentAt: undefined,
  precedence: null,
  timeOfDay: (t) => `T${t}`,
  ...over,
});

describe('the deadline banner', () => {
  it('counts down before the report is sent, and turns urgent in the last three hours', () => {
    expect(deadlineStatus(facts({ clock: 700 }))).toEqual({ tone: 'open', text: '5 h left' });
    expect(deadlineStatus(facts({ clock: 830 }))).toEqual({ tone: 'urgent', text: '2 h 50 min left' });
  });

  it('says the deadline passed with no report sent', () => {
    expect(deadlineStatus(facts({ clock: 1_045 }))).toEqual({ tone: 'late', text: 'Deadline passed 45 min ago: your report has not been sent' });
  });

  it('never shows a passed deadline to a student whose NIACT or PRIORITY report went out in time', () => {
    for (const precedence of ['NIACT', 'PRIORITY', null] as const) {
      const s = deadlineStatus(facts({ clock: 1_400, sentAt: 950, precedence }));
      expect(s).toEqual({ tone: 'met', text: 'Your report went out at T950, before the deadline' });
      expect(s.text).not.toMatch(/passed|late/i);
    }
  });

  it('says a ROUTINE report waits behind the crisis traffic', () => {
    expect(deadlineStatus(facts({ clock: 1_400, sentAt: 900, precedence: 'ROUTINE' }))).toEqual({
      tone: 'queued',
      text: 'Your report went out at T900 as ROUTINE: it waits behind the crisis traffic',
    });
  });

  it('says a report sent after the deadline was late, and by how much', () => {
    expect(deadlineStatus(facts({ clock: 1_400, sentAt: 1_090, precedence: 'NIACT' }))).toEqual({
      tone: 'late',
      text: 'Your report went out late, at T1090, 1 h 30 min after the deadline',
    });
  });

  it('counts a report sent at the deadline minute as in time', () => {
    expect(deadlineStatus(facts({ clock: DEADLINE, sentAt: DEADLINE, precedence: 'NIACT' })).tone).toBe('met');
  });
});
