// The course's present mode: step through a notebook one section per screen.
//
// Each slide of the notebook is a <section class="course-section" id="section-N"> at least
// one screen tall (index.html.j2, present.css). PageDown (what a presenter's clicker sends)
// shows the rest of a long section, then the next section; PageUp goes back to the start
// of the section, then to the previous one; Home/End go to the first/last. The arrow keys
// are left to the sliders. The address ends in #section-N, so a reload or a link opens
// that section.
(function () {
  'use strict';
  const sections = () => Array.from(document.querySelectorAll('section.course-section'));
  // Voilà makes #rendered_cells the scrolling box (a JupyterLab panel filling the window).
  const box = () => document.getElementById('rendered_cells') || document.scrollingElement;
  const SLACK = 4;  // pixels
  const top = (element) => element.getBoundingClientRect().top - box().getBoundingClientRect().top;

  function current() {
    let index = 0;
    sections().forEach((s, i) => {
      if (top(s) <= SLACK) index = i;
    });
    return index;
  }

  function go(index) {
    const all = sections();
    if (index < 0 || index >= all.length) return;  // already at the first or last
    box().scrollTop += top(all[index]);
    history.replaceState(null, '', '#' + all[index].id);
    show();
  }

  function forward() {
    const all = sections();
    const i = current();
    const height = box().clientHeight;
    const next = all[i + 1];
    // The rest of a section taller than the screen comes first (with a little overlap).
    const end = next ? top(next) : top(all[i]) + all[i].getBoundingClientRect().height;
    if (end > height + SLACK) {
      // A screen at a time, and at the end no further than where the next section begins.
      box().scrollTop += Math.min(height * 0.85, end - height);
      show();
    } else {
      go(i + 1);
    }
  }

  function backward() {
    const all = sections();
    const i = current();
    if (all[i] && top(all[i]) < -SLACK) go(i);
    else go(i - 1);
  }

  function show() {
    const nav = document.getElementById('course-nav');
    const all = sections();
    if (nav && all.length) nav.textContent = `${current() + 1} / ${all.length}   PgDn ▸  PgUp ◂`;
  }

  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target && target.closest && target.closest('input, textarea, select, [contenteditable]')) return;
    const action = {PageDown: forward, PageUp: backward, Home: () => go(0), End: () => go(sections().length - 1)}[event.key];
    if (!action) return;
    // Also when a slider has the focus: its own PageDown would make a large step instead.
    event.preventDefault();
    event.stopPropagation();
    action();
  }, true);

  let pending = false;
  document.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; show(); });
  }, {passive: true, capture: true});

  // The cells are hidden until Voilà has loaded its theme; then go to #section-N if asked.
  function start() {
    const cells = document.getElementById('rendered_cells');
    if (!cells || cells.style.display === 'none') {
      setTimeout(start, 50);
      return;
    }
    const nav = document.createElement('div');
    nav.id = 'course-nav';
    document.body.appendChild(nav);
    const wanted = sections().findIndex((s) => '#' + s.id === location.hash);
    if (wanted > 0) go(wanted);
    show();
  }
  start();

  window.coursePresent = {go, forward, backward, current, sections};
})();
