/**
 * Runs work after the browser has painted what is on screen now, so a dialog or highlight
 * shown just before a long task on this thread appears first. The timeout runs it anyway
 * in a hidden tab, where animation frames never come.
 */
export function afterNextPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let ran = false;
    const once = () => {
      if (ran) return;
      ran = true;
      resolve();
    };
    setTimeout(once, fallbackMs);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
    else setTimeout(once, 0);
  });
}
