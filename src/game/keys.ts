/**
 * Every scene key and generated-texture key of the game. Nothing else in src/game spells a key
 * as a string literal: a renamed key is a compile error, not a blank image.
 */

export const SceneKey = {
  boot: 'boot',
  title: 'title',
  cable: 'cable',
  phone: 'phone',
  office: 'office',
  report: 'report',
  washington: 'washington',
  debrief: 'debrief',
} as const;
export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];

/** The parts of one drawn figure; a Figure object assembles them in a container. */
export interface FigureKeys {
  readonly body: string;
  readonly head: string;
  readonly arm: string;
}

function figure(name: string): FigureKeys {
  return { body: `figure.${name}.body`, head: `figure.${name}.head`, arm: `figure.${name}.arm` };
}

export const TextureKey = {
  glow: 'glow',
  clockFace: 'clock.face',
  clockHour: 'clock.hour',
  clockMinute: 'clock.minute',
  clockCap: 'clock.cap',
  streetClockPost: 'clock.street-post',

  // The chancery on the Paseo de la Reforma at night (19:40; sunset was near 17:55).
  nightSky: 'title.sky',
  angelColumn: 'title.angel',
  chancery: 'title.chancery',
  chanceryLights: 'title.chancery-lights',
  boulevard: 'title.boulevard',
  trees: 'title.trees',
  streetLamp: 'title.street-lamp',
  carSedan: 'title.car-sedan',
  carCoupe: 'title.car-coupe',
  headlightBeam: 'title.beam',

  // The code room (cable and report scenes).
  codeRoomWall: 'code.wall',
  codeRoomWindow: 'code.window',
  citySkyline: 'city.skyline',
  cityLights: 'city.lights',
  teletype: 'code.teletype',
  teletypeStand: 'code.teletype-stand',
  teletypeHead: 'code.teletype-head',
  teletypePaper: 'code.paper',
  paperCurl: 'code.paper-curl',
  safe: 'code.safe',
  hangingLamp: 'code.hanging-lamp',
  lightCone: 'light.cone',
  codeRoomShade: 'code.shade',
  clerkDesk: 'code.clerk-desk',
  typewriter: 'code.typewriter',
  typewriterSheet: 'code.typewriter-sheet',
  clerkHand: 'code.clerk-hand',
  draftTelegram: 'code.draft',

  // The ambassador's office.
  panelledWall: 'amb.wall',
  officeWindow: 'amb.window',
  drapes: 'amb.drapes',
  ambassadorDesk: 'amb.desk',
  deskLamp: 'amb.lamp',
  telephoneBase: 'amb.phone-base',
  telephoneHandset: 'amb.phone-handset',
  telephoneCord: 'amb.phone-cord',
  ringArcs: 'amb.ring-arcs',
  usFlag: 'flag.us',
  painting: 'amb.painting',
  ambassadorShade: 'amb.shade',

  // The Foreign Secretary's office.
  sreWall: 'sre.wall',
  tallWindow: 'sre.window',
  sreDrapes: 'sre.drapes',
  bookcase: 'sre.bookcase',
  mexicanFlag: 'flag.mexico',
  armchair: 'sre.armchair',
  lowTable: 'sre.table',
  rug: 'sre.rug',
  sreShade: 'sre.shade',

  // The State Department auditorium.
  curtain: 'dos.curtain',
  stage: 'dos.stage',
  lectern: 'dos.lectern',
  floodlight: 'dos.floodlight',
  tvCamera: 'dos.tv-camera',
  audience: 'dos.audience',
  flashBurst: 'dos.flash',

  // The debrief map.
  mapSheet: 'map.sheet',
  mapRoute: 'map.route',
  mapMarker: 'map.marker',
  miniClockFace: 'map.clock-face',
} as const;
export type TextureKey = (typeof TextureKey)[keyof typeof TextureKey];

/** Game-wide values in Phaser's registry (read by objects that have only their scene). */
export const RegistryKey = {
  /** true while the system asks for less motion (PresentationState.reducedMotion). */
  reducedMotion: 'presentation.reduced-motion',
} as const;
export type RegistryKey = (typeof RegistryKey)[keyof typeof RegistryKey];

export const FigureKey = {
  ambassadorSeated: figure('ambassador-seated'),
  ministerSeated: figure('minister-seated'),
  ambassadorAtDesk: figure('ambassador-desk'),
  dutyOfficer: figure('duty-officer'),
  cipherClerk: figure('cipher-clerk'),
  president: figure('president'),
} as const;
export type FigureName = keyof typeof FigureKey;
