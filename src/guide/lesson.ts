/**
 * The teacher guide's lesson material that has a shape the page depends on: discussion questions
 * for every phase of the game (keyed by the phase, so a new phase cannot go without them) and the
 * plan of one 45-minute period, whose times are worked out from each block's length. Data and one
 * pure function; the page draws them (src/guide/main.ts).
 */
import type { Phase } from '../core/scenario/schema.ts';

/** Two or three questions for each phase, for the class after the game or at a pause in it. */
export const PHASE_QUESTIONS: Readonly<Record<Phase, readonly string[]>> = {
  cable: [
    'The circular is marked NIACT. What does that ask of the ambassador, and what would be lost by leaving it until the morning?',
    'Which paragraphs may be passed to the foreign government, and which may not? Which words in the cable tell you?',
    'The President speaks at 6 p.m. Washington time. What time is that at your post, and how did you work it out?',
  ],
  appointment: [
    'The circular allows the Chief of State or the Foreign Minister. What does each choice gain, and what does it risk?',
    'The clock ran while you telephoned. Which delays could you have avoided, and which were out of your hands?',
  ],
  meeting: [
    'Which of points (a) to (h) did you stress, and why those? Would a minister of another republic have heard them differently?',
    'The minister asked something the circular does not answer. When is "I have no instructions on that" the right reply?',
    'A promise Washington has not decided might calm a minister. Why does the game count it as a slip?',
  ],
  report: [
    'Your telegram was the only way Washington could learn what the minister said. What makes a report both honest and useful?',
    'Why might an ambassador report a warmer reaction than the one he heard? Who pays for it, and when?',
    'What did the precedence you chose tell the people who would handle your telegram, and was it the right one?',
  ],
  washington: [
    "Washington acted on what you reported, not on what the minister said. What did you see happen there because of your telegram?",
    "Point (g) says the President's approach would change if Khrushchev answered in time. What happened in the world you played, and how would the other world have differed?",
  ],
  debrief: [
    'Find one fact in the debrief that has a source, one the research could not confirm, and one the game invents. Why does the difference matter?',
    'Compare your game with a classmate who chose differently at one decision. Which single decision changed the most?',
    'No reply from a Latin American government to Circular 938 has been found. Where would a historian look for one, and what would it take to trust it?',
  ],
};

/** One block of the period: how long it takes, what happens, and what the teacher does or needs. */
export interface PlanBlock {
  minutes: number;
  title: string;
  activity: string;
}

/** One 45-minute period: play, hand in, discuss, and a written check of the objectives. */
export const LESSON_PLAN: readonly PlanBlock[] = [
  {
    minutes: 5,
    title: 'Set the scene',
    activity:
      'Project the first paragraph of the circular (press C in the game) and read it aloud. Say in two sentences where the crisis stood on 19 November 1962 (see "The background in brief"), name today\'s objectives, and give out the link made with the builder above.',
  },
  {
    minutes: 3,
    title: 'Open the game',
    activity:
      'Students open the link, type their name as you want to see it in the logs, and read "How you will be judged" on the title before they press Begin.',
  },
  {
    minutes: 20,
    title: 'Play one game',
    activity:
      'Each student plays one game to the debrief (15 to 25 minutes). Walk the room: ask a student in the cable phase the time-zone question, and a student in the report phase what the minister really said. A student who finishes early goes back to one decision (press B for the branch map) and tries the other way.',
  },
  {
    minutes: 3,
    title: 'Hand in the logs',
    activity:
      'At the debrief each student presses "Download your decision log" and hands the file in where you asked. Drop the files on the review page as they arrive; the class view is ready by the time everyone is done.',
  },
  {
    minutes: 10,
    title: 'Discuss',
    activity:
      'Project the review page\'s class view: the table of actual against reported reactions and the branch map with its counts. Ask one of the questions above from the report phase and one from the Washington phase, then read what really happened from a debrief.',
  },
  {
    minutes: 4,
    title: 'Exit ticket',
    activity:
      'On paper or in the LMS, each student writes the press-conference time at a post other than their own, with the working, and one thing from the game that is documented and one that is invented.',
  },
];

/** A block with the minute it starts and ends (from 0), in order. */
export interface ScheduledBlock extends PlanBlock {
  from: number;
  to: number;
}

/** The plan's blocks with their start and end minutes, each starting where the one before ended. Pure. */
export function schedule(plan: readonly PlanBlock[]): ScheduledBlock[] {
  let at = 0;
  return plan.map((block) => {
    const from = at;
    at += block.minutes;
    return { ...block, from, to: at };
  });
}
