/**
 * Code that runs inside the page, kept as JavaScript text: functions handed to
 * page.evaluate are serialised, and the TypeScript loader adds helpers to them that the
 * page does not have. Each script is an async arrow function taking one JSON argument.
 *
 * "Painted" means: the DOM holds the result, a frame has been scheduled for it, and a task
 * queued from that frame's requestAnimationFrame has run, which happens after the frame paints.
 */
const HELPERS = String.raw`
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
  const painted = () => new Promise((r) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r(performance.now());
    ch.port2.postMessage(0);
  }));
  const until = async (test, what, timeoutMs = 30000) => {
    const end = performance.now() + timeoutMs;
    while (!test()) {
      if (performance.now() > end) throw new Error('timed out waiting for ' + what);
      await frame();
    }
  };
  const hook = () => import(args.hookUrl);
`;

const script = (body: string) => `async (args) => {${HELPERS}\n${body}\n}`;

/** Shows every view once, so the dev server meets every lazily loaded module before anything is timed. */
export const VISIT_VIEWS = script(String.raw`
  const h = await hook();
  for (const view of args.views) {
    h.show(view, null);
    await new Promise((r) => setTimeout(r, 400));
  }
  h.show('coding', null);
`);

/**
 * Opens a project from a URL through the bench hook; returns read and store times. With
 * args.longTasks it also returns the main thread's long tasks (over 50 ms) from just before
 * the open until the opened project is painted, each with its start relative to the open's
 * start, so the caller can tell reading, storing and the first render apart.
 */
export const OPEN_PROJECT = script(String.raw`
  const h = await hook();
  if (!args.longTasks) return h.openProjectFromUrl(args.url, args.coder);
  const longTasks = [];
  let t0 = performance.now();
  const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push({ start: e.startTime - t0, ms: e.duration }); });
  po.observe({ type: 'longtask' });
  t0 = performance.now();
  const opened = await h.openProjectFromUrl(args.url, args.coder);
  const openedAt = performance.now() - t0;
  await painted();
  await painted();
  // Entries arrive after their task ends; give the last one a moment before stopping.
  await new Promise((r) => setTimeout(r, 100));
  for (const e of po.takeRecords()) longTasks.push({ start: e.startTime - t0, ms: e.duration });
  po.disconnect();
  return { ...opened, openedAt, longTasks };
`);

/** Leaves the coding view, then opens the source and times it until its text and highlights are painted. */
export const OPEN_SOURCE = script(String.raw`
  const h = await hook();
  h.show(args.away, args.sourceId);
  await until(() => !document.querySelector('.transcript'), 'the transcript to close');
  await frame();
  const t0 = performance.now();
  h.show('coding', args.sourceId);
  await until(() => document.querySelector('.transcript .t-text') && document.querySelector('.transcript span.coded'), 'text and highlights');
  const t1 = await painted();
  return {
    ms: t1 - t0,
    blocks: document.querySelectorAll('.transcript .t-block').length,
    highlights: document.querySelectorAll('.transcript span.coded').length,
  };
`);

/**
 * Selects some words in one paragraph (as a mouse would, through the DOM selection) and arms
 * a watcher: from the key's keydown to the frame that paints a changed highlight in that
 * paragraph. The caller then presses the key and awaits window.__benchApply.
 */
export const PREPARE_APPLY = script(String.raw`
  await until(() => document.querySelector('.transcript span.coded'), 'the transcript');
  const editable = document.querySelector('.transcript');
  const blocks = [...editable.querySelectorAll('.t-block')].filter((b) => (b.querySelector('.t-text')?.textContent ?? '').length > 160);
  if (blocks.length === 0) throw new Error('no paragraph long enough to select in');
  const block = blocks[(args.index * 37) % blocks.length];
  const textRoot = block.querySelector('.t-text');
  block.scrollIntoView({ block: 'center' });
  await frame();
  const nodes = [];
  const walker = document.createTreeWalker(textRoot, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement.closest('[data-slate-zero-width]')) nodes.push(n);
  const text = nodes.map((n) => n.textContent).join('');
  const pointAt = (offset) => {
    let seen = 0;
    for (const n of nodes) {
      if (offset <= seen + n.textContent.length) return [n, offset - seen];
      seen += n.textContent.length;
    }
    const last = nodes[nodes.length - 1];
    return [last, last.textContent.length];
  };
  const from = text.indexOf(' ', 20 + (args.index % 5) * 10) + 1;
  let to = text.indexOf(' ', from + 40);
  if (to < 0) to = text.length;
  editable.focus();
  const [a, ao] = pointAt(from);
  const [b, bo] = pointAt(to);
  document.getSelection().setBaseAndExtent(a, ao, b, bo);
  // Slate reads the DOM selection on a throttled selectionchange handler; let it settle.
  await new Promise((r) => setTimeout(r, 250));
  const state = () => [...block.querySelectorAll('[data-codings]')].map((e) => e.getAttribute('data-codings')).join('|');
  const before = state();
  window.__benchApply = new Promise((resolve, reject) => {
    let t0 = null;
    const onKey = (e) => {
      if (e.key !== args.key) return;
      t0 = performance.now();
      window.removeEventListener('keydown', onKey, true);
    };
    window.addEventListener('keydown', onKey, true);
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('no highlight was painted within 5 s of pressing ' + args.key));
    }, 5000);
    const observer = new MutationObserver(() => {
      if (t0 === null || state() === before) return;
      observer.disconnect();
      clearTimeout(timer);
      painted().then((t1) => resolve(t1 - t0));
    });
    observer.observe(block, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-codings'] });
  });
  return { selected: text.slice(from, to) };
`);

/** Scrolls the transcript from top to bottom a fixed distance per frame, recording frame times and long tasks. */
export const SCROLL = script(String.raw`
  await until(() => document.querySelector('.transcript span.coded'), 'the transcript');
  const scroller = document.querySelector('.transcript-scroll');
  scroller.scrollTop = 0;
  await frame();
  await frame();
  const longTasks = [];
  const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  po.observe({ type: 'longtask' });
  const frames = [];
  const max = scroller.scrollHeight - scroller.clientHeight;
  let last = await frame();
  while (scroller.scrollTop < max - 1) {
    scroller.scrollTop = Math.min(max, scroller.scrollTop + args.pxPerFrame);
    const t = await frame();
    frames.push(t - last);
    last = t;
  }
  await frame();
  po.disconnect();
  return { frames, longTasks, distance: max };
`);

/** What the open project holds, read from the app's own session. */
export const PROJECT_COUNTS = script(String.raw`
  const h = await hook();
  return h.projectCounts();
`);

/**
 * Installed before the app loads (page.addInitScript): records, relative to the start of the
 * navigation, when the transcript's text and highlights are first painted.
 */
export const FIRST_PAINT_RECORDER = String.raw`(() => {
  const seen = () => document.querySelector('.transcript .t-text') && document.querySelector('.transcript span.coded');
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { window.__benchFirstPaint = performance.now(); };
      ch.port2.postMessage(0);
    });
  });
  observer.observe(document, { subtree: true, childList: true });
})();`;
