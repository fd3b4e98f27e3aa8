import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { checkScenario, formatIssue, loadScenario, parseScenario } from '../../../src/core/index.ts';
import { FIXTURES, issuesOf, problemsOf, readFixture, variantOf } from './fixture.ts';

/** A choice to add to a node of the minimal scenario. */
function addChoice(doc: Document, node: string, choice: Record<string, unknown>): void {
  doc.addIn(['nodes', node, 'choices'], doc.createNode(choice));
}

describe('loadScenario', () => {
  it('accepts the minimal scenario and hashes it', async () => {
    const result = await loadScenario(readFixture('minimal.yaml'), 'minimal.yaml');
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    expect(result.loaded.file).toBe('minimal.yaml');
    expect(result.loaded.scenario.id).toBe('minimal');
    expect(result.loaded.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash for the same content however it is written', async () => {
    const reordered = variantOf((doc) => {
      const title = doc.get('title');
      doc.delete('title');
      doc.set('title', title);
    });
    const a = await loadScenario(readFixture('minimal.yaml'), 'a.yaml');
    const b = await loadScenario(`# a comment\n${reordered}`, 'b.yaml');
    expect(a.ok && b.ok && a.loaded.hash === b.loaded.hash).toBe(true);
  });

  it('reports a missing next node with file, line and column', async () => {
    const file = `${FIXTURES}/broken-references.yaml`;
    const issues = await issuesOf(readFixture('broken-references.yaml'), file);
    expect(issues.map(formatIssue)).toContain(`${file}:118:9 nodes.office.choices[1].next: no node "meet-9"`);
  });

  it('reports every problem of a file at once, in file order', async () => {
    const issues = await issuesOf(readFixture('broken-references.yaml'), 'broken-references.yaml');
    expect(issues.map((i) => [i.line, i.col, i.path, i.message])).toEqual([
      [91, 5, 'nodes.phone.speaker', 'no person "ambassador" in people (a speaker is "narrator" or a key of people)'],
      [118, 9, 'nodes.office.choices[1].next', 'no node "meet-9"'],
      [151, 13, 'nodes.code-room.choices[1].effects[1].draft', 'no paragraph "reluctance" in telegram.paragraphs'],
    ]);
  });

  it('reports schema issues alone, before the semantic checks', async () => {
    const issues = await issuesOf(readFixture('broken-schema.yaml'));
    expect(issues.map((i) => i.path)).toEqual(['title', 'nodes.phone.choices[0].effects[0]', 'nodes.office.speaker']);
  });
});

describe('checkScenario', () => {
  it('places issues when given the locator of the parsed file, and not without it', () => {
    const parsed = parseScenario(readFixture('broken-references.yaml'), 'x.yaml');
    if (!parsed.ok) throw new Error('the fixture should pass the schema');
    expect(checkScenario(parsed.scenario, parsed.locator)[0]).toMatchObject({ file: 'x.yaml', line: 91, col: 5 });
    const unplaced = checkScenario(parsed.scenario)[0];
    expect(unplaced).toMatchObject({ file: 'minimal', line: 0, col: 0 });
    expect(unplaced && formatIssue(unplaced)).toBe(
      'minimal nodes.phone.speaker: no person "ambassador" in people (a speaker is "narrator" or a key of people)',
    );
  });

  describe('references', () => {
    it('reports a start node that does not exist', async () => {
      const problems = await problemsOf(variantOf((doc) => doc.set('start', 'teletype')));
      expect(problems).toContain('start: no node "teletype"');
    });

    it('reports a speaker who is neither the narrator nor a person', async () => {
      expect(await problemsOf(variantOf((doc) => doc.setIn(['nodes', 'cable', 'speaker'], 'dcm')))).toEqual([
        'nodes.cable.speaker: no person "dcm" in people (a speaker is "narrator" or a key of people)',
      ]);
    });

    it('reports actual and report effects naming no response', async () => {
      const text = variantOf((doc) => {
        doc.setIn(['nodes', 'reaction', 'chance', 0, 'effects', 0, 'actual'], 'delighted');
        doc.setIn(['nodes', 'code-room', 'choices', 0, 'effects', 0, 'report'], 'delighted');
      });
      const problems = await problemsOf(text);
      expect(problems).toContain('nodes.reaction.chance[0].effects[0].actual: no response "delighted" in responses');
      expect(problems).toContain('nodes.code-room.choices[0].effects[0].report: no response "delighted" in responses');
    });

    it('reports actual and reported conditions naming no response', async () => {
      const text = variantOf((doc) => {
        doc.setIn(['nodes', 'washington', 'choices', 0, 'if'], doc.createNode({ all: [{ actual: 'hostile' }, { not: { reported: 'hostile' } }] }));
      });
      expect(await problemsOf(text)).toEqual([
        'nodes.washington.choices[0].if.all[0].actual: no response "hostile" in responses',
        'nodes.washington.choices[0].if.all[1].not.reported: no response "hostile" in responses',
      ]);
    });

    it('reports leak effects and leaked conditions naming no pitfall', async () => {
      const text = variantOf((doc) => {
        doc.setIn(['nodes', 'office', 'choices', 1, 'effects', 0, 'leak'], 'fyi-leak');
        doc.setIn(['nodes', 'washington', 'choices', 0, 'if'], doc.createNode({ leaked: 'promise' }));
      });
      expect(await problemsOf(text)).toEqual([
        'nodes.office.choices[1].effects[0].leak: no pitfall "fyi-leak" in pitfalls',
        'nodes.washington.choices[0].if.leaked: no pitfall "promise" in pitfalls',
      ]);
    });

    it('reports a variant condition naming no variant', async () => {
      const problems = await problemsOf(variantOf((doc) => doc.setIn(['nodes', 'washington', 'choices', 0, 'if', 'variant'], 'soviets-agree')));
      expect(problems).toEqual(['nodes.washington.choices[0].if.variant: no variant "soviets-agree" in variants']);
    });

    it('reports a draft effect naming no telegram paragraph', async () => {
      const problems = await problemsOf(variantOf((doc) => doc.setIn(['nodes', 'code-room', 'choices', 0, 'effects', 1, 'draft'], 'summary')));
      expect(problems).toEqual(['nodes.code-room.choices[0].effects[1].draft: no paragraph "summary" in telegram.paragraphs']);
    });

    it('reports a response that no effect can produce', async () => {
      const text = variantOf((doc) => {
        doc.setIn(['responses', 'hostile'], doc.createNode({ label: 'Hostile', description: 'No.', telegram: 'GOVT HOSTILE.' }));
      });
      expect(await problemsOf(text)).toEqual(['responses.hostile: is never set by an "actual" or a "report" effect']);
    });

    it('reports a flag or counter that no effect ever changes', async () => {
      const text = variantOf((doc) => {
        doc.setIn(['nodes', 'office', 'choices', 1, 'if'], doc.createNode({ any: [{ notFlag: 'asked-tonite' }, { counter: 'calls', atLeast: 2 }] }));
      });
      expect(await problemsOf(text)).toEqual([
        'nodes.office.choices[1].if.any[0].notFlag: flag "asked-tonite" is never set by any "set" effect',
        'nodes.office.choices[1].if.any[1].counter: counter "calls" is never changed by any "add" effect',
      ]);
    });
  });

  describe('the clock', () => {
    it('reports times that name no real date or hour', async () => {
      const text = variantOf((doc) => {
        doc.setIn(['clock', 'cableSent'], '1962-11-31T19:12-05:00');
        doc.setIn(['nodes', 'cable', 'choices', 0, 'effects'], doc.createNode([{ clockTo: '1962-11-19T24:30-06:00' }]));
        doc.setIn(['nodes', 'washington', 'choices', 0, 'if'], doc.createNode({ before: '1962-11-20T17:60-06:00' }));
      });
      expect(await problemsOf(text)).toEqual([
        'clock.cableSent: "1962-11-31T19:12-05:00" is not a real date and time',
        'nodes.cable.choices[0].effects[0].clockTo: "1962-11-19T24:30-06:00" is not a real date and time',
        'nodes.washington.choices[0].if.before: "1962-11-20T17:60-06:00" is not a real date and time',
      ]);
    });

    it('reports a deadline that is not after the start of play', async () => {
      const problems = await problemsOf(variantOf((doc) => doc.setIn(['clock', 'deadline'], '1962-11-19T19:30-06:00')));
      expect(problems).toEqual([
        'clock.deadline: the deadline (1962-11-19T19:30-06:00) must come after the start of play (1962-11-19T19:30-06:00)',
      ]);
    });

    it('compares times across offsets, not as text', async () => {
      // 01:00Z on the 20th is 19:00 in Mexico City on the 19th: before the start at 19:30.
      const problems = await problemsOf(variantOf((doc) => doc.setIn(['clock', 'deadline'], '1962-11-20T01:00Z')));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^clock\.deadline: the deadline/);
    });

    it('reports a cable sent after play begins', async () => {
      const problems = await problemsOf(variantOf((doc) => doc.setIn(['clock', 'cableSent'], '1962-11-19T21:00-05:00')));
      expect(problems).toEqual([
        'clock.cableSent: the cable cannot be sent (1962-11-19T21:00-05:00) after play begins with it on the teletype (1962-11-19T19:30-06:00)',
      ]);
    });
  });

  describe('variants', () => {
    it('reports a scenario with only one world variant', async () => {
      expect(await problemsOf(variantOf((doc) => doc.deleteIn(['variants', 'soviets-refuse'])))).toEqual([
        'variants: a scenario needs at least two world variants (the historical one and a counterfactual), found 1',
      ]);
    });

    it('reports a scenario with no historical variant', async () => {
      const text = variantOf((doc) => {
        doc.setIn(['variants', 'historical'], doc.createNode({ label: 'Another', description: 'Another world.', counterfactual: true }));
      });
      expect(await problemsOf(text)).toEqual(['variants: no variant is marked "historical: true"']);
    });
  });

  describe('phases', () => {
    it('reports a phase that no node is in', async () => {
      expect(await problemsOf(variantOf((doc) => doc.setIn(['nodes', 'washington', 'phase'], 'report')))).toEqual([
        'nodes: no node is in phase "washington"; every one of cable, appointment, meeting, report, washington, debrief must appear',
      ]);
    });

    it('reports an ending outside the debrief phase', async () => {
      const text = variantOf((doc) => {
        doc.setIn(['nodes', 'early-end'], doc.createNode({ phase: 'washington', speaker: 'narrator', text: 'Over.', ending: { outcome: 'early', title: 'Early', summary: 'Early.' } }));
        addChoice(doc, 'washington', { label: 'Stop', minutes: 0, next: 'early-end' });
      });
      expect(await problemsOf(text)).toEqual(['nodes.early-end.phase: an ending must be in phase "debrief", not "washington"']);
    });

    it('reports an edge that goes back to an earlier phase', async () => {
      const text = variantOf((doc) => addChoice(doc, 'code-room', { label: 'Call the minister again', minutes: 10, if: { flag: 'asked-tonight' }, next: 'phone' }));
      const problems = await problemsOf(text);
      expect(problems).toContain(
        'nodes.code-room.choices[2].next: goes back from phase "report" to phase "appointment" (node "phone"); phases run cable → appointment → meeting → report → washington → debrief',
      );
    });
  });

  describe('the graph', () => {
    it('reports a node that cannot be reached from the start', async () => {
      const text = variantOf((doc) => {
        doc.setIn(['nodes', 'orphan'], doc.createNode({ phase: 'meeting', speaker: 'narrator', text: 'Nobody comes here.', choices: [{ label: 'On', minutes: 1, next: 'code-room' }] }));
      });
      expect(await problemsOf(text)).toEqual(['nodes.orphan: cannot be reached from the start node "cable"']);
    });

    it('reports a cycle with the loop it closes, and the nodes it traps', async () => {
      const text = variantOf((doc) => {
        const limbo = (next: string) => ({ phase: 'meeting', speaker: 'narrator', text: 'Waiting.', choices: [{ label: 'Wait', minutes: 5, next }] });
        doc.setIn(['nodes', 'wait-a'], doc.createNode(limbo('wait-b')));
        doc.setIn(['nodes', 'wait-b'], doc.createNode(limbo('wait-a')));
        addChoice(doc, 'office', { label: 'Wait in the anteroom', minutes: 5, next: 'wait-a' });
      });
      expect(await problemsOf(text)).toEqual([
        'nodes.wait-a: no path from this node reaches an ending',
        'nodes.wait-b: no path from this node reaches an ending',
        'nodes.wait-b.choices[0].next: closes a loop wait-a → wait-b → wait-a; the graph must have no cycles, so that every playthrough ends',
      ]);
    });

    it('reports a choice node whose every choice has a condition', async () => {
      const problems = await problemsOf(variantOf((doc) => doc.setIn(['nodes', 'washington', 'choices', 1, 'if'], doc.createNode({ variant: 'soviets-refuse' }))));
      expect(problems).toEqual([
        'nodes.washington.choices: every choice has an "if", so a student can find none open; leave at least one choice without "if"',
      ]);
    });

    it('reports a chance node whose every outcome has a condition', async () => {
      const problems = await problemsOf(variantOf((doc) => doc.setIn(['nodes', 'reaction', 'chance', 0, 'if'], doc.createNode({ conveyedAtLeast: 3 }))));
      expect(problems).toEqual(['nodes.reaction.chance: every outcome has an "if", so none may apply; leave at least one outcome without "if"']);
    });

    it('reports an ending that can be reached without a report to Washington', async () => {
      const text = variantOf((doc) => addChoice(doc, 'office', { label: 'Leave it to Washington', minutes: 0, next: 'washington' }));
      expect(await problemsOf(text)).toEqual([
        'nodes.end: this ending can be reached without a report to Washington (cable → phone → office → washington → end); every path must pass a node in phase "report"',
      ]);
    });
  });
});
