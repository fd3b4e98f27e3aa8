import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  parseCable,
  parseGlossary,
  parseScenario,
  parseShared,
  type ScenarioIssue,
} from '../../../src/core/index.ts';
import { FIXTURES, readFixture, variantOf } from './fixture.ts';

function issuesOf(result: { ok: true } | { ok: false; issues: ScenarioIssue[] }): ScenarioIssue[] {
  return result.ok ? [] : result.issues;
}

const problems = (text: string): string[] => issuesOf(parseScenario(text, 'x.yaml')).map((i) => `${i.path}: ${i.message}`);

describe('formatIssue', () => {
  it('renders file, line, column, path and message', () => {
    const issue = { file: 'scenarios/mexico.yaml', line: 214, col: 7, path: 'nodes.meet-3.choices[1].next', message: 'no node "meet-9"' };
    expect(formatIssue(issue)).toBe('scenarios/mexico.yaml:214:7 nodes.meet-3.choices[1].next: no node "meet-9"');
  });

  it('leaves out an unknown place and an empty path', () => {
    expect(formatIssue({ file: 'mexico', line: 0, col: 0, path: 'start', message: 'no node "x"' })).toBe('mexico start: no node "x"');
    expect(formatIssue({ file: 'a.yaml', line: 3, col: 1, path: '', message: 'YAML: bad' })).toBe('a.yaml:3:1 YAML: bad');
  });
});

describe('parseScenario', () => {
  it('parses the minimal scenario', () => {
    const result = parseScenario(readFixture('minimal.yaml'), 'minimal.yaml');
    expect(result.ok && result.scenario.nodes['reaction']?.chance?.length).toBe(2);
  });

  it('locates YAML syntax errors', () => {
    const file = `${FIXTURES}/broken-syntax.yaml`;
    const issues = issuesOf(parseScenario(readFixture('broken-syntax.yaml'), file));
    expect(issues.length).toBeGreaterThan(0);
    expect(formatIssue(issues[0] as ScenarioIssue)).toBe(`${file}:7:1 YAML: All mapping items must start at the same column`);
  });

  it('reports a node id used twice', () => {
    const text = readFixture('minimal.yaml').replace('\n  phone:\n', '\n  cable:\n');
    const issues = issuesOf(parseScenario(text, 'x.yaml'));
    expect(issues).toEqual([expect.objectContaining({ line: 89, col: 3, message: 'YAML: Map keys must be unique' })]);
  });

  it('reports a key repeated in a nested or flow mapping at the repeat, and tells 1 from "1"', () => {
    const text = readFixture('minimal.yaml')
      .replace('    sound: teletype\n', '    sound: teletype\n    text: Again.\n')
      .replace('          - set: asked-tonight\n', '          - {set: asked-tonight, set: twice}\n');
    const issues = issuesOf(parseScenario(text, 'x.yaml'));
    const lines = text.split('\n');
    expect(issues.map((i) => [lines[i.line - 1]?.slice(i.col - 1), i.message])).toEqual([
      ['text: Again.', 'YAML: Map keys must be unique'],
      ['set: twice}', 'YAML: Map keys must be unique'],
    ]);
    expect(issuesOf(parseScenario('a: {1: x, "1": y}\n', 'y.yaml')).map((i) => i.message)).not.toContain('YAML: Map keys must be unique');
  });

  it('reports an empty file as not a scenario', () => {
    expect(issuesOf(parseScenario('', 'empty.yaml'))).toEqual([
      { file: 'empty.yaml', line: 1, col: 1, path: '', message: 'Invalid input: expected object, received null' },
    ]);
  });

  it('reports every schema problem at once, each at its line and column', () => {
    const issues = issuesOf(parseScenario(readFixture('broken-schema.yaml'), 'broken-schema.yaml'));
    expect(issues.map(formatIssue)).toEqual([
      'broken-schema.yaml:2:1 title: is missing',
      'broken-schema.yaml:96:13 nodes.phone.choices[0].effects[0]: is not one of the allowed forms (keys found: "sett"; each form begins with one of "set", "unset", "add", "convey", "leak", "actual", "report", "precedence", "draft", "mark", "clockTo")',
      'broken-schema.yaml:103:5 nodes.office.speaker: must be lower-case letters, digits and hyphens',
    ]);
  });

  it('places an unknown key at the key itself', () => {
    const text = variantOf((doc) => doc.setIn(['nodes', 'cable', 'choices', 0, 'nxt'], 'phone'));
    const [issue] = issuesOf(parseScenario(text, 'x.yaml'));
    expect(issue).toMatchObject({ path: 'nodes.cable.choices[0].nxt', message: 'unknown key' });
    expect(text.split('\n')[(issue?.line ?? 0) - 1]?.slice((issue?.col ?? 0) - 1)).toBe('nxt: phone');
  });

  it('reports an id that is not a valid record key', () => {
    const text = readFixture('minimal.yaml').replace('\n  duty-officer:\n', '\n  Duty_Officer:\n');
    expect(problems(text)).toEqual(['people.Duty_Officer: "Duty_Officer" is not a valid key: must be lower-case letters, digits and hyphens']);
  });

  it('reports a node with both choices and an ending', () => {
    const text = variantOf((doc) => doc.setIn(['nodes', 'cable', 'ending'], doc.createNode({ outcome: 'x', title: 'X', summary: 'X.' })));
    expect(problems(text)).toEqual(['nodes.cable: a node has exactly one of choices, chance or ending']);
  });

  it('reports the fault inside the form of an effect that the author meant', () => {
    const text = variantOf((doc) => doc.setIn(['nodes', 'code-room', 'choices', 0, 'effects', 2, 'precedence'], 'FLASH'));
    expect(problems(text)).toEqual([
      'nodes.code-room.choices[0].effects[2].precedence: Invalid option: expected one of "NIACT"|"PRIORITY"|"ROUTINE"',
    ]);
  });

  it('reports an unknown key beside a known condition', () => {
    const text = variantOf((doc) => doc.setIn(['nodes', 'office', 'choices', 1, 'if'], doc.createNode({ flag: 'asked-tonight', unless: 'x' })));
    expect(problems(text)).toEqual(['nodes.office.choices[1].if.unless: unknown key']);
  });

  it('says which keys a person needs when neither form fits', () => {
    const text = variantOf((doc) => doc.deleteIn(['people', 'duty-officer', 'invented']));
    expect(problems(text)).toEqual(['people.duty-officer: needs "historical" and "source", or "invented"']);
  });

  it('reports a missing source of a historical variant', () => {
    const text = variantOf((doc) => doc.deleteIn(['variants', 'historical', 'source']));
    expect(problems(text)).toEqual(['variants.historical.source: is missing']);
  });

  it('says what a condition written as a word should be', () => {
    const text = variantOf((doc) => doc.setIn(['nodes', 'office', 'choices', 1, 'if'], 'asked-tonight'));
    expect(problems(text)).toEqual(['nodes.office.choices[1].if: Invalid input: expected object, received string']);
  });

  it('reports a time not written in the form the schema asks for', () => {
    const text = variantOf((doc) => doc.setIn(['clock', 'start'], '19 Nov 1962 19:30'));
    expect(problems(text)).toEqual(['clock.start: must be a time like 1962-11-20T10:00-06:00']);
  });
});

const CABLE = `format: circular938-cable
id: circular-938
title: Circular 938
source: Test fixture source for the cable
notes: []
pages:
  - page: 1
    blocks:
      - kind: marking
        text: CONFIDENTIAL
      - kind: point
        ref: a
        text: (a) The first point.
`;

const GLOSSARY = `format: circular938-glossary
terms:
  - term: NIACT
    expansion: night action
    definition: Deliver at once, day or night.
    source: Test fixture source for the glossary
`;

describe('parseCable and parseGlossary', () => {
  it('parse the shared files', () => {
    const cable = parseCable(CABLE, 'c.yaml');
    const glossary = parseGlossary(GLOSSARY, 'g.yaml');
    expect(cable.ok && cable.cable.pages[0]?.blocks[1]?.ref).toBe('a');
    expect(glossary.ok && glossary.glossary.terms[0]?.term).toBe('NIACT');
  });

  it('report every problem of a cable with its place', () => {
    const text = CABLE.replace('kind: marking', 'kind: heading').replace('ref: a', 'ref: z');
    expect(issuesOf(parseCable(text, 'c.yaml')).map(formatIssue)).toEqual([
      'c.yaml:9:9 pages[0].blocks[0].kind: Invalid option: expected one of "marking"|"routing"|"body"|"point"|"fyi"|"usun"|"signature"|"footer"|"declassification"',
      'c.yaml:12:9 pages[0].blocks[1].ref: Invalid option: expected one of "a"|"b"|"c"|"d"|"e"|"f"|"g"|"h"|"organ"|"reaction"|"fyi"|"usun"',
    ]);
  });

  it('report a glossary term without a source', () => {
    const text = GLOSSARY.replace('    source: Test fixture source for the glossary\n', '');
    expect(issuesOf(parseGlossary(text, 'g.yaml')).map(formatIssue)).toEqual(['g.yaml:3:5 terms[0].source: is missing']);
  });
});

describe('parseShared', () => {
  it('tells a cable from a glossary by its format', () => {
    expect(parseShared(CABLE, 'c.yaml')).toMatchObject({ ok: true, kind: 'cable' });
    expect(parseShared(GLOSSARY, 'g.yaml')).toMatchObject({ ok: true, kind: 'glossary' });
  });

  it('refuses a shared file of another format', () => {
    expect(issuesOf(parseShared(GLOSSARY.replace('circular938-glossary', 'circular938-scenario'), 'g.yaml')).map(formatIssue)).toEqual([
      'g.yaml:1:1 format: must be "circular938-cable", "circular938-glossary" or "circular938-washington"',
    ]);
    expect(issuesOf(parseShared('terms: []\n', 'g.yaml')).map(formatIssue)).toEqual([
      'g.yaml:1:1 format: is missing: a shared file needs format "circular938-cable", "circular938-glossary" or "circular938-washington"',
    ]);
  });
});
