/**
 * The page's type: Libre Franklin (400, 600) for the text, Courier Prime (400, 700) for the cable,
 * each in its Latin subset only (Latin-1 covers every name and word of the game; a rarer letter
 * falls back to the system's font). The game imports this after its first screen is usable, so the
 * first screen shows in the system's fonts and the page's fonts swap in when they arrive.
 */
import '@fontsource/libre-franklin/latin-400.css';
import '@fontsource/libre-franklin/latin-600.css';
import '@fontsource/courier-prime/latin-400.css';
import '@fontsource/courier-prime/latin-700.css';

export {};
