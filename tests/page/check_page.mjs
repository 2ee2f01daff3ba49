// Opens a newskg HTML page from disk in Debian's headless Chromium (driven by
// playwright-core, which downloads no browser) and checks what a reader would do with it.
//
//   node check_page.mjs SPEC.json
//
// SPEC: {"page": path, "out": directory for screenshots and timings.json,
//        "mode": "examples" | "large",
//        examples: "actor": {"label", "aliases": [...]},
//                  "relation": {"subject", "object", "label", "evidence", "title", "date"}}
// Every request that is not for a file: URL is blocked and counted; any is a failure.
// Exit status 0 when every check passed; otherwise the failed check is printed.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const pageUrl = pathToFileURL(resolve(spec.page)).href;
mkdirSync(spec.out, { recursive: true });
const timings = {};
const offline = []; // requests that would have left the machine
const problems = []; // script errors and console errors in the page

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function open(contextOptions) {
  const context = await browser.newContext(contextOptions);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    offline.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file:') && !url.startsWith('data:') && !offline.includes(url)) offline.push(url);
  });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
  const started = Date.now();
  await page.goto(pageUrl);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const loaded = Date.now() - started;
  const data = await page.evaluate(() => JSON.parse(document.getElementById('graph-data').textContent));
  return { context, page, data, loaded };
}

const edgeClass = (r) => (!r.cameo ? 0 : r.quad_class >= 1 && r.quad_class <= 4 ? r.quad_class : 5);
const visible = (page, selector) => page.locator(selector).isVisible();
async function drawnRelations(page, data) {
  const out = [];
  for (let j = 0; j < data.relations.length; ++j)
    if (await page.locator('#relation_' + j).count()) out.push(j);
  return out;
}

/// Clicks (or taps) the middle of a relation's line, where a reader would.
async function clickRelation(page, j, tap) {
  const point = await page.evaluate((id) => {
    const g = document.getElementById(id);
    const path = g.querySelector('path:not(.hit)');
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const s = new DOMPoint(p.x, p.y).matrixTransform(path.getScreenCTM());
    return { x: s.x, y: s.y };
  }, 'relation_' + j);
  if (tap) await page.touchscreen.tap(point.x, point.y);
  else await page.mouse.click(point.x, point.y);
}
async function clickActor(page, i, tap) {
  const box = await page.locator('#actor_' + i).boundingBox();
  if (tap) await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  else await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
const detailsText = (page) => page.locator('#details').innerText();

async function examples() {
  const { context, page, data, loaded } = await open({ viewport: { width: 1366, height: 768 } });
  timings.examples_load_ms = loaded;
  await page.screenshot({ path: join(spec.out, 'desktop.png') });

  // An actor: its panel names its type, aliases and relations; its neighbourhood is lit.
  const a = data.actors.findIndex((x) => x.label === spec.actor.label);
  assert.ok(a >= 0, 'actor ' + spec.actor.label + ' is in the page data');
  await clickActor(page, a, false);
  assert.ok(await visible(page, '#details'), 'clicking an actor opens its details');
  assert.equal(await page.locator('#details h2').innerText(), spec.actor.label);
  let text = await detailsText(page);
  assert.ok(text.includes(data.actors[a].type_name), 'the actor panel shows the type');
  for (const alias of spec.actor.aliases) assert.ok(text.includes(alias), 'the actor panel shows the alias ' + alias);
  const incident = data.relations.map((r, j) => j).filter((j) => data.relations[j].subject === a || data.relations[j].object === a);
  assert.equal(await page.locator('#details ul.relations li').count(), incident.length, 'one line per relation of the actor');
  for (const j of incident) {
    const r = data.relations[j];
    const other = data.actors[r.subject === a ? r.object : r.subject].label;
    assert.ok(text.includes(other) && text.includes(r.label), 'the actor panel lists ' + r.label + ' / ' + other);
    if (r.date) assert.ok(text.includes(r.date), 'the actor panel dates ' + r.label);
  }
  assert.ok(await page.locator('#actor_' + a + '.selected').count(), 'the actor is marked selected');
  const neighbours = new Set([a]);
  for (const j of incident) { neighbours.add(data.relations[j].subject); neighbours.add(data.relations[j].object); }
  const far = data.actors.findIndex((x, i) => !neighbours.has(i));
  for (const i of neighbours) {
    if (!(await page.locator('#actor_' + i).count())) continue;
    assert.ok(await page.locator('#actor_' + i + '.near').count(), 'neighbour ' + data.actors[i].label + ' is highlighted');
  }
  if (far >= 0 && (await page.locator('#actor_' + far).count())) {
    const opacity = await page.locator('#actor_' + far).evaluate((g) => Number(getComputedStyle(g).opacity));
    assert.ok(opacity < 0.5, 'actors outside the neighbourhood fade (opacity ' + opacity + ')');
  }
  await page.waitForTimeout(250); // the fade's transition, for the screenshot only
  await page.screenshot({ path: join(spec.out, 'desktop-actor.png') });

  // A relation: its panel has the CAMEO code, QuadClass, date and the evidence with its source.
  const want = spec.relation;
  const e = data.relations.findIndex((r) => data.actors[r.subject].label === want.subject &&
    data.actors[r.object].label === want.object && r.label === want.label);
  assert.ok(e >= 0, 'relation ' + want.subject + ' ' + want.label + ' ' + want.object + ' is in the page data');
  await page.locator('#zoom-fit').click();
  await clickRelation(page, e, false);
  assert.ok(await page.locator('#relation_' + e + '.selected').count(), 'clicking the line selects the relation');
  text = await detailsText(page);
  const r = data.relations[e];
  assert.ok(text.includes(want.evidence), 'the evidence sentence appears: ' + want.evidence);
  assert.ok(text.includes(want.title), 'the article title appears: ' + want.title);
  assert.ok(text.includes(want.date), 'the date appears: ' + want.date);
  assert.ok(text.includes('CAMEO') && text.includes(r.cameo), 'the CAMEO code appears');
  const names = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
  assert.ok(text.includes(names[r.quad_class]), 'the QuadClass appears');
  assert.ok(text.includes(Math.round(r.confidence * 100) + '%'), 'the confidence appears');
  if (r.speaker !== null) assert.ok(text.includes(data.actors[r.speaker].label), 'the speaker appears');
  await page.screenshot({ path: join(spec.out, 'desktop-relation.png') });

  // QuadClass filter: conflict off hides every conflict line and keeps cooperation.
  const drawn = await drawnRelations(page, data);
  await page.locator('#f-quads input[value="3"]').uncheck();
  await page.locator('#f-quads input[value="4"]').uncheck();
  let conflict = 0;
  let cooperation = 0;
  for (const j of drawn) {
    const c = edgeClass(data.relations[j]);
    const shown = await visible(page, '#relation_' + j);
    if (c === 3 || c === 4) { ++conflict; assert.equal(shown, false, 'conflict relation ' + j + ' is hidden'); }
    if (c === 1 || c === 2) { ++cooperation; assert.equal(shown, true, 'cooperation relation ' + j + ' stays'); }
  }
  assert.ok(conflict > 0 && cooperation > 0, 'the examples have conflict and cooperation relations drawn');
  await page.screenshot({ path: join(spec.out, 'desktop-no-conflict.png') });
  await page.locator('#f-reset').click();
  for (const j of drawn) assert.ok(await visible(page, '#relation_' + j), 'reset shows relation ' + j + ' again');

  // Actor type filter: a type off hides its actors and their relations.
  const type = data.actors[a].type;
  await page.locator('#f-types input[value="' + type + '"]').uncheck();
  assert.equal(await visible(page, '#actor_' + a), false, 'the actor type filter hides ' + spec.actor.label);
  for (const j of incident) if (drawn.includes(j)) assert.equal(await visible(page, '#relation_' + j), false, 'and its relations');
  await page.locator('#f-reset').click();

  // Date range: from the relation's date on, earlier relations go, undated ones too.
  await page.locator('#f-from').fill(want.date);
  const start = (d) => (d.length === 4 ? d + '-01-01' : d.length === 7 ? d + '-01' : d);
  const end = (d) => (d.length === 4 ? d + '-12-31' : d.length === 7 ? d + '-31' : d);
  let earlier = 0;
  for (const j of drawn) {
    const x = data.relations[j];
    const expect = !!x.date && end(x.last_date || x.date) >= want.date;
    if (!expect) ++earlier;
    assert.equal(await visible(page, '#relation_' + j), expect, 'date filter on relation ' + j + ' (' + x.date + ')');
  }
  assert.ok(earlier > 0, 'the date filter hid something');
  await page.locator('#f-to').fill(start(want.date));
  assert.ok(await visible(page, '#relation_' + e), 'the relation on the range\'s one day stays');
  await page.locator('#f-reset').click();

  // Minimum mentions.
  await page.locator('#f-mentions').fill('2');
  for (const j of drawn)
    assert.equal(await visible(page, '#relation_' + j), data.relations[j].mention_count >= 2, 'mention filter on relation ' + j);
  await page.locator('#f-reset').click();

  // Search by an alias.
  await page.locator('#search').fill(spec.actor.aliases[0]);
  const first = page.locator('#search-results li').first();
  assert.ok((await first.innerText()).includes(spec.actor.label), 'searching an alias finds the actor');
  await page.locator('#search').press('Enter');
  assert.equal(await page.locator('#details h2').innerText(), spec.actor.label, 'Enter opens the actor found');
  await page.locator('#search').fill('zzzz-nobody');
  assert.ok((await page.locator('#search-results').innerText()).includes('No actor'), 'an unknown name says so');
  await context.close();

  // A phone: the bottom sheet opens on a tap.
  const phone = await open({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await phone.page.screenshot({ path: join(spec.out, 'phone.png') });
  await clickActor(phone.page, a, true);
  assert.equal(await phone.page.locator('#details h2').innerText(), spec.actor.label, 'a tap opens the actor on a phone');
  assert.ok(await phone.page.locator('#details').isVisible(), 'the sheet shows the details');
  await phone.page.waitForTimeout(300);
  await phone.page.screenshot({ path: join(spec.out, 'phone-actor.png') });
  await phone.page.locator('#details ul.relations button').first().tap();
  assert.ok(await phone.page.locator('#details .evidence').count() > 0, 'a relation opens from the actor\'s list');
  await phone.page.waitForTimeout(300);
  await phone.page.screenshot({ path: join(spec.out, 'phone-relation.png') });
  await phone.context.close();
}

async function large() {
  const { context, page, data, loaded } = await open({ viewport: { width: 1366, height: 768 } });
  timings.large_load_ms = loaded;
  timings.large_actors = data.actors.length;
  timings.large_relations = data.relations.length;
  await page.screenshot({ path: join(spec.out, 'large.png') });
  const drawn = await drawnRelations(page, data);
  assert.ok(drawn.length > 0, 'the large graph is drawn');
  const count = () => page.evaluate(() => Number(document.body.dataset.shownRelations));
  assert.equal(await count(), drawn.length, 'everything shows at first');
  let t = Date.now();
  for (const v of ['3', '4']) await page.locator('#f-quads input[value="' + v + '"]').uncheck();
  timings.large_filter_ms = Date.now() - t;
  const conflict = drawn.filter((j) => [3, 4].includes(edgeClass(data.relations[j]))).length;
  assert.ok(conflict > 0, 'the large graph has conflict relations');
  assert.equal(await count(), drawn.length - conflict, 'the QuadClass filter hides the conflict relations');
  await page.locator('#f-mentions').fill('3');
  const many = drawn.filter((j) => ![3, 4].includes(edgeClass(data.relations[j])) && data.relations[j].mention_count >= 3).length;
  assert.ok(many > 0 && many < drawn.length - conflict, 'the large graph has relations of several mention counts');
  assert.equal(await count(), many, 'the mention filter narrows further');
  await page.screenshot({ path: join(spec.out, 'large-filtered.png') });
  await page.locator('#f-reset').click();
  const target = data.actors[data.actors.length - 1];
  t = Date.now();
  await page.locator('#search').fill(target.aliases.length ? target.aliases[0] : target.label);
  await page.locator('#search').press('Enter');
  timings.large_search_ms = Date.now() - t;
  assert.equal(await page.locator('#details h2').innerText(), target.label, 'search finds an actor in the large graph');
  await context.close();
}

let failed = null;
try {
  if (spec.mode === 'large') await large();
  else await examples();
  assert.deepEqual(offline, [], 'the page asked for nothing over the network');
  assert.deepEqual(problems, [], 'the page ran without script errors');
} catch (e) {
  failed = e;
} finally {
  await browser.close();
}
writeFileSync(join(spec.out, 'timings-' + (spec.mode || 'examples') + '.json'), JSON.stringify(timings, null, 2) + '\n');
console.log(JSON.stringify(timings));
if (failed) {
  console.error('FAILED: ' + (failed.message || failed));
  process.exit(1);
}
console.log('page checks passed');
