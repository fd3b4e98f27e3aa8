/**
 * The looks of the game's generic figures. None is a likeness: the ambassador, the minister and
 * the President are told apart by the overlay's words and by their place in the room.
 */
import type { FigureName } from '../keys.ts';
import { Ink, Tone } from './palette.ts';
import type { Look } from './person.ts';

export const Cast: Record<FigureName, Look> = {
  ambassadorSeated: {
    view: 'side-seated', suit: 0x3b4457, shirt: Ink.white, tie: Ink.redDeep,
    skin: Tone.skinFair, skinShade: Tone.skinFairShade, hair: Tone.hairSalt, hairStyle: 'receding',
    glasses: true, top: 'jacket',
  },
  ministerSeated: {
    view: 'side-seated', suit: 0x55544c, shirt: Ink.white, tie: Ink.greenDeep,
    skin: Tone.skinWarm, skinShade: Tone.skinWarmShade, hair: Tone.hairGrey, hairStyle: 'parted',
    glasses: false, top: 'jacket',
  },
  ambassadorAtDesk: {
    view: 'front', suit: 0x3b4457, shirt: Ink.white, tie: Ink.redDeep,
    skin: Tone.skinFair, skinShade: Tone.skinFairShade, hair: Tone.hairSalt, hairStyle: 'receding',
    glasses: true, top: 'jacket',
  },
  dutyOfficer: {
    view: 'front', suit: Ink.steelDeep, shirt: 0xe9e4d6, tie: Ink.olive,
    skin: Tone.skinWarm, skinShade: Tone.skinWarmShade, hair: Tone.hairBrown, hairStyle: 'parted',
    glasses: false, top: 'shirt',
  },
  cipherClerk: {
    view: 'front', suit: Ink.red, shirt: Ink.cream, tie: Ink.red,
    skin: Tone.skinFair, skinShade: Tone.skinFairShade, hair: Tone.hairBrown, hairStyle: 'bob',
    glasses: false, top: 'cardigan',
  },
  president: {
    view: 'front', suit: Ink.navy, shirt: Ink.white, tie: 0x1d2438,
    skin: Tone.skinFair, skinShade: Tone.skinFairShade, hair: 0x6a4a30, hairStyle: 'wavy',
    glasses: false, top: 'jacket',
  },
};
