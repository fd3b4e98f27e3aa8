/**
 * The entry. The first screen is the title, drawn in plain DOM from the chosen post's front (a few
 * hundred bytes) and usable at once; the game behind it (the post's content, the store with the saved
 * game, the overlay: boot-game.ts) loads once the title is on screen and takes it over in place, and
 * the fonts, Phaser, the art and the sound load behind that. A reload in the middle of a game, or a
 * log to watch, goes straight to the game. If anything stops the game from starting, the page says
 * so in words, never a blank canvas.
 */
import './ui/styles.css';
import './ui/projector.css';
import firstFront, { id as firstId } from 'virtual:first-front';
import { loadFront, posts } from './posts.ts';
import { readLinkParams, readPostParam } from './store/link-params.ts';
import { PLAYING_KEY, POST_KEY, readSave } from './store/storage.ts';
import { showFatal } from './ui/fatal.ts';
import { drawSkeleton } from './ui/skeleton.ts';
import { renderTitle } from './ui/title-screen.ts';

/** Whether this tab was showing a game when it was reloaded (the game page resumes it). */
function resuming(): boolean {
  try {
    return readSave(sessionStorage, PLAYING_KEY) === '1';
  } catch {
    return false;
  }
}

/** The post last played in this browser, read only (the game page writes it, and says when storage is off). */
function rememberedPost(): string | null {
  try {
    return readSave(localStorage, POST_KEY);
  } catch {
    return null;
  }
}

async function boot(): Promise<void> {
  const app = document.getElementById('app');
  if (!app) throw new Error('The page has no #app element.');
  // The post: the link's (?post=…), else the one last played in this browser, else the first.
  const postLink = readPostParam(location.search, posts.map((p) => p.id));
  const remembered = rememberedPost();
  const postId = postLink.post ?? (remembered !== null && posts.some((p) => p.id === remembered) ? remembered : (posts[0]?.id ?? ''));
  const page = { app, postId, postLink };
  if (resuming() || new URLSearchParams(location.search).has('watch')) {
    const { startGamePage } = await import('./boot-game.ts');
    return startGamePage(page);
  }
  // The first post's front comes with this chunk: the usual first visit draws its title at once.
  const front = postId === firstId ? firstFront : await loadFront(postId);
  const link = readLinkParams(location.search, front.variants);
  if (postLink.problem) link.problems.unshift(postLink.problem);
  const skeleton = drawSkeleton(app, front.post.city);
  const title = renderTitle({
    front,
    preset: { ...link.preset, problems: link.problems },
    chooser: { posts, current: postId, locked: postLink.locked },
    classGame: link.modes.play === 'class',
    onWatch: (file) => import('./boot-game.ts').then(({ openLogToWatch }) => openLogToWatch(file)),
  });
  skeleton.panel.append(title.el);
  document.body.dataset['phase'] = 'title';
  if (title.classGame) document.body.dataset['mode'] = 'class';
  // The game loads once the title has been drawn, not in its way.
  requestAnimationFrame(() =>
    setTimeout(() => {
      import('./boot-game.ts')
        .then(({ startGamePage }) => startGamePage({ ...page, adopt: { skeleton, title } }))
        .catch(showFatal);
    }, 0),
  );
}

boot().catch(showFatal);
addEventListener('error', (e) => {
  if (!document.querySelector('.layout')) showFatal(e.error ?? e.message);
});
addEventListener('unhandledrejection', (e) => {
  if (!document.querySelector('.layout')) showFatal(e.reason);
});
