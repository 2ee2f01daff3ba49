// newskg graph page: details on click, neighbourhood highlight, filters, search, pan and
// zoom over the SVG Graphviz drew. The graph data is the JSON in #graph-data (see
// include/newskg/export/html.hpp); actor K is the SVG element #actor_K, relation K
// #relation_K. Plain DOM, no libraries, no network.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('graph-data').textContent);
  const actors = data.actors;
  const relations = data.relations;
  const articles = data.articles;
  const svg = document.querySelector('#view > svg');
  const panel = document.getElementById('panel');
  const details = document.getElementById('details');

  // Edge classes as the drawing colours them: the four CAMEO QuadClasses, standing
  // relations (0) and events of unknown QuadClass (5). Listed cooperation to conflict.
  const CLASSES = [
    { id: 1, name: 'verbal cooperation' },
    { id: 2, name: 'material cooperation' },
    { id: 3, name: 'verbal conflict' },
    { id: 4, name: 'material conflict' },
    { id: 5, name: 'other event' },
    { id: 0, name: 'standing relation' },
  ];
  const TYPE_ORDER = ['Person', 'Country', 'Government', 'Military', 'ArmedGroup', 'Organization', 'Location', 'Actor'];

  function edgeClass(r) {
    if (!r.cameo) return 0;
    return r.quad_class >= 1 && r.quad_class <= 4 ? r.quad_class : 5;
  }
  function className(id) { return CLASSES.find((c) => c.id === id).name; }

  // ------------------------------------------------------------------ small DOM helpers
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'style') e.style.cssText = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  function setDetails(...children) {
    details.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  }
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  // ------------------------------------------------------------------ the drawing
  const actorEl = actors.map((_, i) => document.getElementById('actor_' + i));
  const relationEl = relations.map((_, i) => document.getElementById('relation_' + i));
  const incident = actors.map(() => []);
  relations.forEach((r, i) => {
    incident[r.subject].push(i);
    if (r.object !== r.subject) incident[r.object].push(i);
  });

  // Colours come from the drawing itself, so the legend always matches it.
  function fillOf(i) {
    const shape = actorEl[i] && actorEl[i].querySelector('polygon, ellipse, path');
    return shape ? shape.getAttribute('fill') : null;
  }
  function strokeOf(i) {
    const path = relationEl[i] && relationEl[i].querySelector('path');
    return path ? path.getAttribute('stroke') : null;
  }
  const typeColour = {};
  actors.forEach((a, i) => {
    if (!typeColour[a.type] && fillOf(i)) typeColour[a.type] = fillOf(i);
  });
  const classColour = {};
  relations.forEach((r, i) => {
    const c = edgeClass(r);
    if (!classColour[c] && strokeOf(i)) classColour[c] = strokeOf(i);
  });

  actorEl.forEach((g, i) => {
    if (!g) return;
    // Graphviz's tooltips are left out of the page; a reader wants the name and what it is.
    const title = g.querySelector('title');
    if (title) title.textContent = actors[i].label + ' (' + actors[i].type_name + ')';
  });
  relationEl.forEach((g, i) => {
    if (!g) return;
    const r = relations[i];
    const title = g.querySelector('title');
    if (title) title.textContent = actors[r.subject].label + ' ' + r.label + ' ' + actors[r.object].label;
    // A thin line is hard to hit, above all with a finger: a wide invisible copy takes clicks.
    const path = g.querySelector('path');
    if (path) {
      const hit = path.cloneNode(false);
      hit.setAttribute('class', 'hit');
      path.parentNode.insertBefore(hit, path);
    }
  });

  // ------------------------------------------------------------------ pan and zoom
  // The view is the SVG's viewBox; Graphviz's own is the whole drawing.
  const graphBox = svg.viewBox.baseVal;
  const home = { x: graphBox.x, y: graphBox.y, w: graphBox.width, h: graphBox.height };
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  // Top-aligned, so on a phone the drawing is not under the bottom sheet; showElements
  // relies on the viewBox having the element's aspect ratio (setView keeps it).
  svg.setAttribute('preserveAspectRatio', 'xMidYMin meet');
  let view = Object.assign({}, home);
  function setView(v) {
    // Never smaller than a few nodes nor much larger than the drawing.
    const minW = 80;
    const maxW = Math.max(home.w, home.h) * 4;
    const w = Math.min(Math.max(v.w, minW), maxW);
    const h = v.h * (w / v.w);
    view = { x: v.x + (v.w - w) / 2, y: v.y + (v.h - h) / 2, w, h };
    svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' '));
  }
  function toGraph(clientX, clientY) {
    const p = svg.createSVGPoint();
    p.x = clientX;
    p.y = clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoomAt(factor, clientX, clientY) {
    const p = toGraph(clientX, clientY);
    setView({ x: p.x - (p.x - view.x) * factor, y: p.y - (p.y - view.y) * factor, w: view.w * factor, h: view.h * factor });
  }
  function zoomCentre(factor) {
    const r = svg.getBoundingClientRect();
    zoomAt(factor, r.left + r.width / 2, r.top + r.height / 2);
  }
  // Box of an element in viewBox units: its bbox through the Graphviz group's transform.
  const graphGroup = svg.querySelector('g.graph');
  function boxOf(g) {
    const b = g.getBBox();
    const m = graphGroup.transform.baseVal.consolidate();
    const t = m ? m.matrix : svg.createSVGMatrix();
    const p1 = new DOMPoint(b.x, b.y).matrixTransform(t);
    const p2 = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(t);
    return { x1: Math.min(p1.x, p2.x), y1: Math.min(p1.y, p2.y), x2: Math.max(p1.x, p2.x), y2: Math.max(p1.y, p2.y) };
  }
  function showElements(elements) {
    const boxes = elements.filter(Boolean).map(boxOf);
    if (!boxes.length) return;
    const x1 = Math.min(...boxes.map((b) => b.x1));
    const y1 = Math.min(...boxes.map((b) => b.y1));
    const x2 = Math.max(...boxes.map((b) => b.x2));
    const y2 = Math.max(...boxes.map((b) => b.y2));
    // Only zoom in as far as keeps the text at a comfortable size.
    const pad = 40;
    const w = Math.max(x2 - x1 + 2 * pad, 360);
    const h = Math.max(y2 - y1 + 2 * pad, 240);
    // On a phone the bottom sheet covers the lower part: centre in what is left above it.
    const rect = svg.getBoundingClientRect();
    const covered = phone() ? Math.max(0, rect.bottom - panel.getBoundingClientRect().top) : 0;
    const free = Math.max(rect.height - covered, rect.height / 3);
    const unitsPerPixel = Math.max(w / rect.width, h / free);
    const vw = rect.width * unitsPerPixel;
    const vh = rect.height * unitsPerPixel;
    setView({ x: (x1 + x2) / 2 - vw / 2, y: (y1 + y2) / 2 - (free / 2) * unitsPerPixel, w: vw, h: vh });
  }
  function phone() { return window.matchMedia('(max-width: 720px)').matches; }

  const pointers = new Map();
  let dragged = false;
  let pinchDistance = 0;
  svg.addEventListener('pointerdown', (e) => {
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY, x0: e.clientX, y0: e.clientY });
    if (pointers.size === 1) dragged = false;
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      pinchDistance = Math.hypot(a.x - b.x, a.y - b.y);
    }
  });
  svg.addEventListener('pointermove', (e) => {
    const p = pointers.get(e.pointerId);
    if (!p) return;
    if (pointers.size === 1) {
      if (!dragged && Math.hypot(e.clientX - p.x0, e.clientY - p.y0) < 5) return;
      if (!dragged) {
        dragged = true;
        svg.setPointerCapture(e.pointerId);
        svg.classList.add('dragging');
      }
      const scale = svg.getScreenCTM().a;
      setView({ x: view.x - (e.clientX - p.x) / scale, y: view.y - (e.clientY - p.y) / scale, w: view.w, h: view.h });
    } else if (pointers.size === 2) {
      dragged = true;
      const others = [...pointers.entries()].filter(([id]) => id !== e.pointerId).map(([, q]) => q);
      const q = others[0];
      const d = Math.hypot(e.clientX - q.x, e.clientY - q.y);
      if (pinchDistance > 0 && d > 0) zoomAt(pinchDistance / d, (e.clientX + q.x) / 2, (e.clientY + q.y) / 2);
      pinchDistance = d;
    }
    p.x = e.clientX;
    p.y = e.clientY;
  });
  function pointerEnd(e) {
    pointers.delete(e.pointerId);
    if (pointers.size === 0) svg.classList.remove('dragging');
  }
  svg.addEventListener('pointerup', pointerEnd);
  svg.addEventListener('pointercancel', pointerEnd);
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    zoomAt(Math.exp(delta * 0.0015), e.clientX, e.clientY);
  }, { passive: false });
  document.getElementById('zoom-in').addEventListener('click', () => zoomCentre(1 / 1.4));
  document.getElementById('zoom-out').addEventListener('click', () => zoomCentre(1.4));
  // The whole drawing; on a phone starting below the zoom buttons, which float over it.
  function fitView() {
    const margin = home.w * 0.02; // so the outermost nodes do not touch the panel
    const wide = { x: home.x - margin, y: home.y - margin, w: home.w + 2 * margin, h: home.h + 2 * margin };
    if (!phone()) return setView(wide);
    const rect = svg.getBoundingClientRect();
    const top = 64 * (wide.w / Math.max(rect.width, 1));
    setView({ x: wide.x, y: wide.y - top, w: wide.w, h: wide.h + top });
  }
  document.getElementById('zoom-fit').addEventListener('click', fitView);

  // ------------------------------------------------------------------ selection
  let selected = null; // { kind: 'actor' | 'relation', index }

  function clearHighlight() {
    svg.classList.remove('focus');
    for (const g of svg.querySelectorAll('.near, .selected')) g.classList.remove('near', 'selected');
  }
  function highlight(actorIds, relationIds, selectedEl) {
    clearHighlight();
    svg.classList.add('focus');
    for (const i of actorIds) if (actorEl[i]) actorEl[i].classList.add('near');
    for (const i of relationIds) if (relationEl[i]) relationEl[i].classList.add('near');
    if (selectedEl) selectedEl.classList.add('selected');
  }
  function clearSelection() {
    selected = null;
    clearHighlight();
    details.hidden = true;
    details.replaceChildren();
  }
  function openPanel() {
    panel.classList.remove('collapsed');
    panel.scrollTop = 0;
    document.getElementById('sheet-handle').setAttribute('aria-expanded', 'true');
  }

  function actorButton(i) {
    return el('button', { type: 'button', class: 'link', onclick: () => selectActor(i, true) }, actors[i].label);
  }
  function dateText(r) {
    if (!r.date) return '';
    return r.last_date && r.last_date !== r.date ? r.date + ' \u2013 ' + r.last_date : r.date;
  }
  function verb(r) {
    let v = r.label;
    if (r.flags.includes('negated')) v = 'not ' + v;
    if (r.flags.includes('hedged')) v += '?';
    return v;
  }
  function articleCite(index) {
    const a = index === null || index === undefined ? null : articles[index];
    if (!a) return el('cite', {}, 'Source article unknown');
    const from = a.outlet || (a.agencies && a.agencies.length ? a.agencies.join(', ') : '');
    return el('cite', {}, el('b', {}, a.title || 'Untitled article'),
      from || a.published ? ' \u2014 ' : '', [from, a.published].filter(Boolean).join(', '));
  }

  function selectActor(i, zoom) {
    selected = { kind: 'actor', index: i };
    const a = actors[i];
    const rels = incident[i].slice().sort((x, y) => (relations[x].date || '').localeCompare(relations[y].date || ''));
    const neighbours = new Set([i]);
    for (const j of rels) {
      neighbours.add(relations[j].subject);
      neighbours.add(relations[j].object);
    }
    highlight(neighbours, rels, actorEl[i]);

    const facts = el('dl', { class: 'facts' },
      el('dt', {}, 'Type'), el('dd', {}, el('span', { class: 'swatch', style: 'background:' + (typeColour[a.type] || '#fff') }), a.type_name),
      a.country ? [el('dt', {}, 'Country'), el('dd', {}, a.country)] : null,
      a.aliases.length ? [el('dt', {}, 'Also called'), el('dd', { class: 'aliases' }, a.aliases.map((x) => el('span', { class: 'tag' }, x)))] : null,
      el('dt', {}, 'Named in'), el('dd', {}, a.articles.map((k, n) => [n ? '; ' : '', k === null ? 'an unknown article' : articles[k].title || 'an untitled article'])));

    const list = el('ul', { class: 'relations' }, rels.map((j) => {
      const r = relations[j];
      const outgoing = r.subject === i;
      const other = outgoing ? r.object : r.subject;
      const text = outgoing ? [verb(r) + ' ', el('b', {}, actors[other].label)]
        : [el('b', {}, actors[other].label), ' ' + verb(r) + ' ' + a.label];
      return el('li', { class: relationVisible[j] ? null : 'filtered' },
        el('button', { type: 'button', style: 'border-left-color:' + (classColour[edgeClass(r)] || '#999'), onclick: () => selectRelation(j, true) },
          text, ' ', el('span', { class: 'date' }, dateText(r)),
          r.mention_count > 1 ? el('span', { class: 'times' }, ' \u00d7' + r.mention_count) : null));
    }));

    setDetails(
      el('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: clearSelection }, '\u00d7'),
      el('h2', {}, a.label),
      el('p', { class: 'kind-line' }, a.type_name + (a.country ? ', ' + a.country : '')),
      facts,
      el('h3', {}, rels.length ? 'Relations (' + rels.length + ')' : 'No relations found'),
      list,
      actorEl[i] ? null : el('p', { class: 'note' }, 'Not in the drawing (no relation drawn, or outside the actors drawn).'));
    details.hidden = false;
    details.dataset.kind = 'actor';
    openPanel();
    if (zoom && actorEl[i]) showElements([...neighbours].map((k) => actorEl[k]));
  }

  function selectRelation(j, zoom) {
    selected = { kind: 'relation', index: j };
    const r = relations[j];
    highlight([r.subject, r.object], [j], relationEl[j]);
    const cls = edgeClass(r);
    const facts = el('dl', { class: 'facts' },
      el('dt', {}, 'Relation'), el('dd', {}, verb(r), r.predicate !== r.label ? el('span', { class: 'note' }, ' (' + r.predicate + ')') : null),
      r.cameo ? [el('dt', {}, 'CAMEO'), el('dd', {}, r.cameo)] : null,
      el('dt', {}, 'QuadClass'), el('dd', {}, el('span', { class: 'stroke' + (cls === 0 ? ' dashed' : ''), style: 'color:' + (classColour[cls] || '#999') }),
        r.cameo ? (r.quad_class ? r.quad_class + ' \u00b7 ' : '') + className(cls) : 'none (standing relation)'),
      r.cameo ? [el('dt', {}, 'Goldstein'), el('dd', {}, r.goldstein.toFixed(1))] : null,
      el('dt', {}, 'Date'), el('dd', {}, dateText(r) || 'not stated'),
      el('dt', {}, 'Confidence'), el('dd', {}, Math.round(r.confidence * 100) + '%'),
      r.speaker !== null ? [el('dt', {}, 'Reported by'), el('dd', {}, actorButton(r.speaker))] : null,
      r.flags.length ? [el('dt', {}, 'Flags'), el('dd', {}, r.flags.map((f) => el('span', { class: 'tag' }, f)))] : null,
      el('dt', {}, 'Mentions'), el('dd', {}, String(r.mention_count)));
    const evidence = r.evidence.map((ev) => el('div', { class: 'evidence', style: 'border-left-color:' + (classColour[cls] || '#999') },
      el('blockquote', {}, ev.text), articleCite(ev.article)));
    setDetails(
      el('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: clearSelection }, '\u00d7'),
      el('h2', {}, actorButton(r.subject), ' ' + verb(r) + ' ', actorButton(r.object)),
      facts,
      el('h3', {}, r.evidence.length === 1 ? 'Evidence' : 'Evidence (' + r.evidence.length + ' sentences)'),
      evidence.length ? evidence : el('p', { class: 'note' }, 'No evidence sentence recorded.'));
    details.hidden = false;
    details.dataset.kind = 'relation';
    openPanel();
    if (zoom && relationEl[j]) showElements([actorEl[r.subject], actorEl[r.object], relationEl[j]]);
  }

  svg.addEventListener('click', (e) => {
    if (dragged) return;
    const g = e.target.closest('g.node, g.edge');
    const id = g ? g.id : '';
    // A phone shows too little of the drawing to read it whole: zoom to what was tapped.
    if (id.startsWith('actor_')) selectActor(Number(id.slice(6)), phone());
    else if (id.startsWith('relation_')) selectRelation(Number(id.slice(9)), phone());
    else clearSelection();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && document.activeElement !== searchInput) clearSelection();
  });
  document.getElementById('sheet-handle').addEventListener('click', () => {
    const collapsed = panel.classList.toggle('collapsed');
    document.getElementById('sheet-handle').setAttribute('aria-expanded', String(!collapsed));
  });

  // ------------------------------------------------------------------ filters and legend
  const typeBoxes = {};
  const classBoxes = {};
  const fromInput = document.getElementById('f-from');
  const toInput = document.getElementById('f-to');
  const mentionsInput = document.getElementById('f-mentions');
  let relationVisible = relations.map(() => true);

  const typeCount = {};
  for (const a of actors) typeCount[a.type] = (typeCount[a.type] || 0) + 1;
  const typesPresent = TYPE_ORDER.filter((t) => typeCount[t]).concat(Object.keys(typeCount).filter((t) => !TYPE_ORDER.includes(t)));
  const typeField = document.getElementById('f-types');
  for (const t of typesPresent) {
    const a = actors.find((x) => x.type === t);
    const box = el('input', { type: 'checkbox', checked: true, value: t, onchange: applyFilters });
    typeBoxes[t] = box;
    typeField.append(el('label', { class: 'check' }, box,
      el('span', { class: 'swatch', style: 'background:' + (typeColour[t] || '#fff') }), a.type_name,
      el('span', { class: 'n' }, String(typeCount[t]))));
  }
  const classCount = {};
  for (const r of relations) classCount[edgeClass(r)] = (classCount[edgeClass(r)] || 0) + 1;
  const classField = document.getElementById('f-quads');
  for (const c of CLASSES) {
    if (!classCount[c.id]) continue;
    const box = el('input', { type: 'checkbox', checked: true, value: String(c.id), onchange: applyFilters });
    classBoxes[c.id] = box;
    classField.append(el('label', { class: 'check' }, box,
      el('span', { class: 'stroke' + (c.id === 0 ? ' dashed' : ''), style: 'color:' + (classColour[c.id] || '#999') }), c.name,
      el('span', { class: 'n' }, String(classCount[c.id]))));
  }
  // Partial dates ("2023-06", "2015") cover a range: its first and last day.
  function dateStart(d) { return d.length === 4 ? d + '-01-01' : d.length === 7 ? d + '-01' : d; }
  function dateEnd(d) { return d.length === 4 ? d + '-12-31' : d.length === 7 ? d + '-31' : d; }
  const dated = relations.filter((r) => r.date);
  const firstDate = dated.length ? dated.map((r) => dateStart(r.date)).sort()[0] : '';
  const lastDate = dated.length ? dated.map((r) => dateEnd(r.last_date || r.date)).sort().pop() : '';
  fromInput.min = toInput.min = firstDate;
  fromInput.max = toInput.max = lastDate;
  const maxMentions = Math.max(1, ...relations.map((r) => r.mention_count));
  mentionsInput.max = String(maxMentions);
  document.getElementById('f-mentions-note').textContent = 'of up to ' + maxMentions;
  for (const input of [fromInput, toInput, mentionsInput]) input.addEventListener('input', applyFilters);

  function resetFilters() {
    for (const b of Object.values(typeBoxes)) b.checked = true;
    for (const b of Object.values(classBoxes)) b.checked = true;
    fromInput.value = '';
    toInput.value = '';
    mentionsInput.value = '1';
    applyFilters();
  }
  document.getElementById('f-reset').addEventListener('click', resetFilters);

  function applyFilters() {
    const from = fromInput.value;
    const to = toInput.value;
    const minMentions = Math.max(1, Number(mentionsInput.value) || 1);
    const typeOn = (i) => !typeBoxes[actors[i].type] || typeBoxes[actors[i].type].checked;
    relationVisible = relations.map((r) => {
      if (!typeOn(r.subject) || !typeOn(r.object)) return false;
      if (classBoxes[edgeClass(r)] && !classBoxes[edgeClass(r)].checked) return false;
      if (r.mention_count < minMentions) return false;
      // Undated relations cannot be placed in a date range: a range hides them.
      if (from || to) {
        if (!r.date) return false;
        if (from && dateEnd(r.last_date || r.date) < from) return false;
        if (to && dateStart(r.date) > to) return false;
      }
      return true;
    });
    // An actor stays while its type is shown and it has a relation shown (or has none
    // at all), so narrowing the relations narrows the actors with them.
    const actorVisible = actors.map((a, i) => typeOn(i) && (incident[i].length === 0 || incident[i].some((j) => relationVisible[j])));
    relationEl.forEach((g, j) => { if (g) g.classList.toggle('off', !relationVisible[j]); });
    actorEl.forEach((g, i) => { if (g) g.classList.toggle('off', !actorVisible[i]); });
    const drawnRelations = relationEl.filter(Boolean).length;
    const drawnActors = actorEl.filter(Boolean).length;
    const shownRelations = relationEl.filter((g, j) => g && relationVisible[j]).length;
    const shownActors = actorEl.filter((g, i) => g && actorVisible[i]).length;
    document.getElementById('count').textContent = '\u00b7 showing ' + shownActors + ' of ' + drawnActors +
      ' actors, ' + shownRelations + ' of ' + drawnRelations + ' relations';
    document.body.dataset.shownRelations = String(shownRelations);
    // A highlight around something the filters just hid would leave only faded lines.
    if (selected && (selected.kind === 'actor' ? !actorVisible[selected.index] : !relationVisible[selected.index])) {
      clearSelection();
      return;
    }
    if (selected && selected.kind === 'actor' && details.dataset.kind === 'actor') {
      // Keep the open actor's list in step with what is shown.
      const items = details.querySelectorAll('ul.relations li');
      const rels = incident[selected.index].slice().sort((x, y) => (relations[x].date || '').localeCompare(relations[y].date || ''));
      items.forEach((li, k) => li.classList.toggle('filtered', !relationVisible[rels[k]]));
    }
  }

  // ------------------------------------------------------------------ search
  const searchInput = document.getElementById('search');
  const results = document.getElementById('search-results');
  const names = actors.map((a) => ({ label: fold(a.label), aliases: a.aliases.map((x) => [x, fold(x)]) }));
  let active = -1;
  function search(query) {
    const q = fold(query.trim());
    if (!q) return [];
    const found = [];
    actors.forEach((a, i) => {
      const n = names[i];
      let rank = -1;
      let alias = null;
      if (n.label.startsWith(q)) rank = 0;
      else if (n.label.includes(q)) rank = 1;
      else {
        const hit = n.aliases.find(([, f]) => f.includes(q));
        if (hit) {
          rank = hit[1].startsWith(q) ? 2 : 3;
          alias = hit[0];
        }
      }
      if (rank >= 0) found.push({ i, rank, alias });
    });
    found.sort((x, y) => x.rank - y.rank || incident[y.i].length - incident[x.i].length || actors[x.i].label.localeCompare(actors[y.i].label));
    return found.slice(0, 12);
  }
  function choose(i) {
    results.hidden = true;
    searchInput.value = actors[i].label;
    selectActor(i, true);
  }
  function showResults() {
    const found = search(searchInput.value);
    active = found.length ? 0 : -1;
    results.replaceChildren(...(found.length ? found.map((f, k) => el('li', {
      role: 'option', 'data-actor': String(f.i), 'aria-selected': k === 0 ? 'true' : 'false',
      onmousedown: (e) => { e.preventDefault(); choose(f.i); },
    }, el('span', { class: 'swatch', style: 'background:' + (typeColour[actors[f.i].type] || '#fff') }),
    el('span', {}, actors[f.i].label), f.alias ? el('span', { class: 'alias' }, '\u201c' + f.alias + '\u201d') : null,
    el('span', { class: 'kind' }, actors[f.i].type_name))) : [el('li', { class: 'empty' }, 'No actor of that name')]));
    results.hidden = !searchInput.value.trim();
  }
  searchInput.addEventListener('input', showResults);
  searchInput.addEventListener('focus', () => { if (searchInput.value.trim()) showResults(); });
  searchInput.addEventListener('blur', () => { results.hidden = true; });
  searchInput.addEventListener('keydown', (e) => {
    const items = [...results.querySelectorAll('li[data-actor]')];
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!items.length) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items.forEach((li, k) => li.setAttribute('aria-selected', k === active ? 'true' : 'false'));
    } else if (e.key === 'Enter') {
      if (items[active]) choose(Number(items[active].dataset.actor));
    } else if (e.key === 'Escape') {
      searchInput.value = '';
      results.hidden = true;
    }
  });

  // ------------------------------------------------------------------ lists
  const others = actors.map((a, i) => i).filter((i) => !actorEl[i]);
  if (others.length) {
    const section = document.getElementById('others');
    section.append(el('h3', {}, 'Also named, not drawn (' + others.length + ')'),
      el('ul', {}, others.map((i) => el('li', {}, el('button', {
        type: 'button', style: 'background:' + (typeColour[actors[i].type] || '#fff'), onclick: () => selectActor(i, false),
      }, actors[i].label)))));
    section.hidden = false;
  }
  const sources = document.getElementById('sources');
  sources.append(el('h3', {}, articles.length === 1 ? 'Source' : 'Sources (' + articles.length + ')'),
    el('ol', {}, articles.map((a) => el('li', {}, el('b', {}, a.title || 'Untitled article'), el('br'),
      el('span', { class: 'meta' }, [a.outlet, a.agencies && a.agencies.length ? a.agencies.join(', ') : '', a.published].filter(Boolean).join(' \u00b7 ') || 'no date')))),
    el('p', { class: 'note' }, 'Extracted by newskg. Relations are found by software: check the evidence.'));

  // On a phone the sheet starts low so the graph is visible.
  if (phone()) panel.classList.add('collapsed');
  fitView();
  applyFilters();
  document.body.dataset.ready = 'true';
}());
