/**
 * Lets the page paint (the new stage, the progress bar) before a long step on this thread starts: the
 * next animation frame and then a task, or a short timeout where there are no frames (node, jsdom, a
 * hidden tab), so a run never waits for a frame that does not come.
 */
export function yieldToUi(): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      resolve();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, typeof requestAnimationFrame === 'function' ? 50 : 0);
  });
}
