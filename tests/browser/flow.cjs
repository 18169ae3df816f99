// End-to-end check in a real browser (Debian's headless Chromium, JavaScript OFF, as in Tor
// Browser "Safest"): first-admin set-up through the printed link, a survivor's "me too" in
// two taps, a statement with a receipt code, staff login with passphrase + TOTP, reading,
// noting, replying, the survivor coming back to read the reply, add to it and withdraw,
// logout. Screenshots go to $CHORUS_SCREENSHOTS when set.
//
// Usage: node tests/browser/flow.cjs path/to/chorus   (playwright-core on NODE_PATH)
'use strict';
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const http = require('http');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const bin = path.resolve(process.argv[2]);
const shots = process.env.CHORUS_SCREENSHOTS;
let step = 0;
function check(condition, what) {
  step += 1;
  if (!condition) throw new Error(`step ${step} failed: ${what}`);
  console.log(`ok ${step} - ${what}`);
}

function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

function totp(secret, offsetSteps = 0) {
  const counter = Math.floor(Date.now() / 1000 / 30) + offsetSteps;
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac('sha1', base32(secret)).update(msg).digest();
  const o = mac[mac.length - 1] & 0xf;
  const n = ((mac[o] & 0x7f) << 24) | (mac[o + 1] << 16) | (mac[o + 2] << 8) | mac[o + 3];
  return String(n % 1000000).padStart(6, '0');
}

// Accessibility: axe-core, injected into a page opened with JavaScript on only to run it
// (the CSP forbids the injected script, so these contexts bypass it; nothing else does).
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
let axeSource = null;
async function axeOn(p, label) {
  if (axeSource === null) axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await p.addScriptTag({ content: axeSource });
  const result = await p.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } }), axeTags);
  return result.violations.map((v) => `${label}: ${v.id} ×${v.nodes.length} (${v.help}) e.g. ${v.nodes[0].target.join(' ')}`);
}
async function axeViolations(context, url, label) {
  const p = await context.newPage();
  await p.goto(url);
  const found = await axeOn(p, label);
  await p.close();
  return found;
}

// The neutral site "Leave this site" leads to, served here: the browser follows Chorus's
// redirect to it (a route handler would not see a redirect's target).
async function startNeutralSite() {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Weather</title><p>Sunny all week.</p>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/weather` };
}

async function startServer(dataDir, exitUrl) {
  // One federation member that never answers (port 9): /federation shows it as unreachable.
  fs.writeFileSync(path.join(dataDir, 'chorus.toml'),
    `quick_exit_url = "${exitUrl}"\n` +
    '[[federation]]\nname = "Elsewhere"\nurl = "http://127.0.0.1:9"\npublic_key = "' + 'ab'.repeat(32) + '"\n');
  const child = spawn(bin, ['serve'], {
    cwd: dataDir,
    env: {
      ...process.env,
      CHORUS_DATA_DIR: dataDir,
      CHORUS_BIND: '127.0.0.1:0',
      CHORUS_PUBLISH_INTERVAL_SECS: '0',
      CHORUS_MIN_CELL: '1',
      CHORUS_ARGON2_MEMORY_KIB: '65536',
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  const found = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not print a set-up link')), 30000);
    child.stdout.on('data', (d) => {
      out += d;
      const base = out.match(/listening on (http:\/\/[^\s]+)/);
      const link = out.match(/(http:\/\/\S+\/setup\/[0-9a-f]+)/);
      if (base && link) {
        clearTimeout(timer);
        resolve({ base: base[1], link: link[1] });
      }
    });
  });
  return { child, ...found };
}

async function shot(page, name) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chorus-browser-'));
  const neutral = await startNeutralSite();
  const exitUrl = neutral.url;
  const { child, base, link } = await startServer(dataDir, exitUrl);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const failures = [];
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const outside = [];
    page.on('request', (r) => { if (!r.url().startsWith(base)) outside.push(r.url()); });

    // First admin, through the printed one-time link.
    await page.goto(link);
    const secret = (await page.inputValue('input[name="totp_secret"]')).trim();
    await page.fill('#username', 'admin');
    await page.fill('#password', 'a long browser test passphrase');
    await page.fill('#password_confirm', 'a long browser test passphrase');
    await page.fill('#totp_code', totp(secret));
    await shot(page, '01-setup');
    await page.click('button[type="submit"]');
    check((await page.textContent('#recovery-key')).startsWith('chorus-recovery-'), 'set-up shows the recovery key once');
    await shot(page, '02-setup-done');

    // A survivor says "me too" in two taps.
    await page.goto(base + '/');
    await page.click('form.me-too button');
    check((await page.textContent('h1')).includes('Received'), 'a bare "me too" is received in two taps');

    // A statement with a receipt code.
    await page.goto(base + '/submit');
    await page.fill('#statement', 'It happened at work, more than once. <b>not bold</b>');
    await page.check('#category-harassment');
    await page.check('#setting-work');
    await page.check('#want_receipt');
    await shot(page, '03-submit');
    await page.click('form.submit button[type="submit"]');
    const code = (await page.textContent('#receipt-code')).trim().split(/\s+/).join(' ');
    check(code.split(' ').length === 8 && (await page.locator('#receipt-code ol li').count()) === 8,
      'the receipt code is shown once, 8 words in a numbered list');
    await shot(page, '04-received');

    // A statement holding a 200-character unbroken token (pasted junk, a long link).
    await page.goto(base + '/submit');
    await page.fill('#statement', 'token ' + 'x'.repeat(200));
    await page.click('form.submit button[type="submit"]');

    // Survivor safety, JavaScript still off. Back after leaving must not bring a
    // half-written story back (the browser's form-state restore).
    await page.goto(base + '/submit');
    await page.fill('#statement', 'a half-written story');
    await page.click('footer a[href="/counts"]');
    await page.goBack();
    check((await page.inputValue('#statement')) === '', 'Back after leaving does not restore a half-written story');
    // Enter on a checkbox or a radio sends nothing (implicit submission is blocked).
    await page.fill('#statement', 'not finished yet');
    for (const choice of ['#category-harassment', '#setting-work']) {
      await page.check(choice);
      await page.focus(choice);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      check((await page.textContent('h1')).includes('Say me too')
        && (await page.inputValue('#statement')) === 'not finished yet'
        && (await page.isChecked(choice)),
        `Enter on ${choice} sends nothing and keeps what was written and chosen`);
    }
    // The quick exit is the first stop after the skip link and stays in view at Send.
    await page.goto(base + '/submit');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    check((await page.locator('a.quick-exit:focus').count()) === 1, 'the quick exit is the first Tab stop after the skip link');
    await page.locator('form.submit button.primary').scrollIntoViewIfNeeded();
    const exitBox = await page.locator('a.quick-exit').boundingBox();
    check(exitBox && exitBox.y >= 0 && exitBox.y + exitBox.height <= 844, 'the quick exit stays in view beside Send on a phone');
    await shot(page, '03b-submit-scrolled');

    // With JavaScript on, Shift three times leaves — but never while typing in a field.
    const jsPage = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await jsPage.goto(base + '/submit');
    await jsPage.focus('#statement');
    for (let i = 0; i < 3; i++) await jsPage.keyboard.press('Shift');
    await jsPage.keyboard.type('Some Capitals Typed');
    await jsPage.waitForTimeout(300);
    check(jsPage.url().endsWith('/submit'), 'Shift pressed while typing does not leave the page');
    await jsPage.click('h1');
    for (let i = 0; i < 3; i++) await jsPage.keyboard.press('Shift');
    await jsPage.waitForURL((url) => url.href.startsWith(exitUrl), { timeout: 5000 });
    check(jsPage.url().startsWith(exitUrl), 'Shift three times leaves the site');

    // A busy day: enough statements to fill more than a laptop screen of the inbox.
    for (let i = 0; i < 24; i++) {
      await fetch(base + '/submit', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ statement: `busy day, statement ${i}`, category: 'harassment' }),
      });
    }

    // The same with the browser's back/forward cache ON, as Chromium ships (Playwright turns
    // it off unless told not to), JavaScript off: after "Leave this site", Back shows nothing
    // of what was written or received, and a form sent again stores nothing new.
    const bfBrowser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
    });
    try {
      const bf = await bfBrowser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
      const p = await bf.newPage();
      const cdp = await bf.newCDPSession(p);
      await cdp.send('Page.enable');
      let notRestored = null;
      cdp.on('Page.backForwardCacheNotUsed', (e) => { notRestored = e.notRestoredExplanations.map((x) => x.reason); });
      const back = async () => {
        notRestored = null;
        // A page that was the answer to a form comes back, if at all, as Chromium's
        // "Confirm Form Resubmission" page (ERR_CACHE_MISS): shown, never re-sent by itself.
        await p.goBack({ waitUntil: 'commit' }).catch((e) => {
          if (!String(e).includes('ERR_CACHE_MISS')) throw e;
        });
        await p.waitForTimeout(500);
        return notRestored;
      };
      const posts = [];
      // Posts that reached the server (a Back to a form's answer that Chromium only tries
      // from its cache, and fails, is not one).
      p.on('response', (r) => { if (r.request().method() === 'POST') posts.push(r.url()); });
      // The counts page may be kept (it is public and cacheable): an ordinary link and Back
      // restore it from the cache — the cache is on — but Back after the quick exit finds
      // it flushed (Clear-Site-Data on the second step out).
      await p.goto(base + '/counts');
      await p.click('footer a[href="/resources"]');
      check((await back()) === null, 'this Chromium restores a cacheable page from its back/forward cache');
      await p.click('a.quick-exit');
      await p.waitForURL((url) => url.href.startsWith(exitUrl));
      check(p.url().startsWith(exitUrl), 'the quick exit lands on the neutral site');
      const reasons = await back();
      check(reasons !== null && reasons.includes('CacheFlushed'),
        `Back after leaving does not restore this site's page from the cache (${reasons})`);
      // A half-written story: nothing of it after leaving and Back.
      await p.goto(base + '/submit');
      await p.fill('#statement', 'a half-written story');
      await p.click('a.quick-exit');
      await p.waitForURL((url) => url.href.startsWith(exitUrl));
      await back();
      check((await p.content()).indexOf('a half-written story') === -1 &&
        ((await p.locator('#statement').count()) === 0 || (await p.inputValue('#statement')) === ''),
        'with the back/forward cache on, Back after leaving shows no half-written story');
      // After sending with a code: Back after leaving shows no code, and stores nothing again.
      await p.goto(base + '/submit');
      await p.fill('#statement', 'sent once, with a code');
      await p.check('#want_receipt');
      await p.click('form.submit button[type="submit"]');
      const sentCode = (await p.textContent('#receipt-code')).trim().split(/\s+/);
      check(sentCode.length === 8, 'a code is shown after sending');
      await p.click('a.quick-exit');
      await p.waitForURL((url) => url.href.startsWith(exitUrl));
      await back();
      const after = await p.content();
      check(!after.includes('id="receipt-code"') && !sentCode.some((w) => after.includes(`<li>${w}</li>`)),
        'with the back/forward cache on, Back after leaving shows no receipt code');
      check(posts.length === 1 || after.includes('nothing new was saved'),
        `and nothing sent again is stored (${posts.length} posts)`);
      await shot(p, '03c-back-after-leaving');
    } finally {
      await bfBrowser.close();
    }

    // Staff log in and read, note, reply.
    const staff = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await staff.goto(base + '/review');
    check(staff.url().endsWith('/review/login'), 'the staff area sends strangers to the login page');
    await staff.fill('#username', 'admin');
    await staff.fill('#password', 'a long browser test passphrase');
    await staff.fill('#totp', totp(secret, 1));
    await staff.click('form.login button');
    check(staff.url().endsWith('/review'), 'login with passphrase and TOTP opens the inbox');
    await shot(staff, '05-inbox');

    // Triage at hundreds a day: a laptop screen holds at least 15 rows, and "select all on
    // this page" ticks every row with JavaScript off; one bulk action assigns them all.
    await staff.setViewportSize({ width: 1366, height: 768 });
    await staff.goto(base + '/review');
    const inView = await staff.$$eval('table.inbox tbody tr',
      (rows) => rows.filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length);
    check(inView >= 15, `at least 15 statements are in view on a 1366x768 screen (${inView})`);
    await shot(staff, '05-inbox-laptop');
    await staff.click('a[href$="select=all"]');
    const boxes = await staff.locator('input.select').count();
    const ticked = await staff.locator('input.select:checked').count();
    check(boxes > 15 && ticked === boxes, `select all on this page ticks all ${boxes} rows without JavaScript`);
    await staff.selectOption('#bulk-staff', 'admin');
    await staff.click('button[value="assign"]');
    check((await staff.content()).includes(`Assigned to me (${boxes})`), 'one bulk action assigns every ticked row');
    await staff.setViewportSize({ width: 1280, height: 720 });
    await staff.click('a.preview >> text=It happened at work');
    check((await staff.textContent('.statement')).includes('<b>not bold</b>'), 'the testimony decrypts and markup shows as text');
    await staff.fill('#note', 'Called the helpline partner.');
    await staff.click('form[action$="/note"] button');
    await staff.fill('#reply', 'Thank you for telling us. We are here.');
    await staff.click('form[action$="/reply"] button');
    check((await staff.content()).includes('Thank you for telling us'), 'notes and replies join the thread');
    check((await staff.locator('.compose-note').count()) === 1 && (await staff.locator('.compose-reply').count()) === 1,
      'the note form and the reply form look different');
    check((await staff.locator('li.msg-note').count()) === 1 && (await staff.locator('li.msg-reply').count()) === 1,
      'in the thread, the note and the reply look different');
    await shot(staff, '06-testimony');
    const testimonyUrl = staff.url();

    // The desk on a phone: the inbox and the audit log fit 375 px, long token and all.
    await staff.setViewportSize({ width: 375, height: 812 });
    for (const [path, name] of [['/review', 'inbox'], ['/review/audit', 'audit log'], ['/review/admin', 'staff page'], [testimonyUrl.slice(base.length), 'testimony page']]) {
      await staff.goto(base + path);
      await shot(staff, `06-${name.replace(' ', '-')}-phone`);
      const width = await staff.evaluate(() => document.documentElement.scrollWidth);
      check(width <= 375, `the ${name} fits a 375 px screen (${width} px wide)`);
    }
    await staff.setViewportSize({ width: 1280, height: 900 });

    // axe-core over the staff pages in every language (chosen in the account settings, with
    // JavaScript off like the rest), phone and desktop, with this session's cookies.
    const staffViolations = [];
    let staffViews = 0;
    for (const lang of ['es', 'fr', 'ar', 'default']) {
      await staff.goto(base + '/review/account');
      await staff.selectOption('#language', lang);
      await staff.click('form[action="/review/account/language"] button');
      const htmlLang = await staff.getAttribute('html', 'lang');
      check(htmlLang === (lang === 'default' ? 'en' : lang), `the staff pages switch to ${lang} (${htmlLang})`);
      if (lang === 'ar') {
        await staff.setViewportSize({ width: 375, height: 812 });
        await staff.goto(base + '/review');
        await shot(staff, '06-inbox-ar-phone');
        const width = await staff.evaluate(() => document.documentElement.scrollWidth);
        check(width <= 375, `the Arabic inbox fits a 375 px screen (${width} px wide)`);
        check(await staff.getAttribute('html', 'dir') === 'rtl', 'the Arabic staff pages run right to left');
        await staff.goto(testimonyUrl);
        await shot(staff, '06-testimony-ar-phone');
        await staff.setViewportSize({ width: 1280, height: 900 });
      }
      for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
        const ctx = await browser.newContext({ bypassCSP: true, viewport });
        await ctx.addCookies(await staff.context().cookies());
        for (const path of ['/review', '/review?status=new&text=1', '/review?needs=reply&select=all', '/review/audit', '/review/audit/1', '/review/admin', '/review/export', '/review/account']) {
          staffViolations.push(...await axeViolations(ctx, base + path, `${lang} ${viewport.width}px ${path}`));
          staffViews += 1;
        }
        staffViolations.push(...await axeViolations(ctx, testimonyUrl, `${lang} ${viewport.width}px testimony`));
        staffViews += 1;
        await ctx.close();
      }
    }
    check(staffViolations.length === 0, `axe-core finds no violation on ${staffViews} staff page views in 4 languages${staffViolations.length ? ':\n  ' + staffViolations.join('\n  ') : ''}`);

    // Export: the menu opens a page with scope, format and a warning; nothing downloads yet.
    let downloaded = false;
    staff.on('download', () => { downloaded = true; });
    await staff.click('nav.staff a[href="/review/export"]');
    check(staff.url().endsWith('/review/export') && !downloaded, 'Export opens a page first, never a download');
    check((await staff.content()).includes('Download the decrypted file'), 'the export page asks before decrypting');

    // Invitations are listed and can be withdrawn.
    await staff.goto(base + '/review/admin');
    await staff.fill('#invite-username', 'sam');
    await staff.click('form[action="/review/admin/invite"] button');
    await staff.goto(base + '/review/admin');
    check((await staff.locator('form[action="/review/admin/invitations/revoke"]').count()) === 1, 'an open invitation is listed');
    await staff.click('form[action="/review/admin/invitations/revoke"] button');
    await staff.goto(base + '/review/admin');
    check((await staff.locator('form[action="/review/admin/invitations/revoke"]').count()) === 0, 'a withdrawn invitation is gone');

    // Disabling someone asks first: a new member joins through an invitation, and Disable
    // without its confirmation box changes nothing.
    await staff.fill('#invite-username', 'kim');
    await staff.click('form[action="/review/admin/invite"] button');
    const invite = (await staff.textContent('#invite-link')).trim();
    const kim = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await kim.goto(invite);
    const kimSecret = (await kim.inputValue('input[name="totp_secret"]')).trim();
    await kim.fill('#password', 'kim chooses a long passphrase');
    await kim.fill('#password_confirm', 'kim chooses a long passphrase');
    await kim.fill('#totp_code', totp(kimSecret));
    await kim.click('button[type="submit"]');
    await staff.goto(base + '/review/admin');
    const kimRow = staff.locator('tr', { hasText: 'kim' });
    check((await kimRow.textContent()).includes('waiting for access'), 'an invited member joins, waiting for access');
    await kimRow.locator('form[action$="/disable"] button').click();
    await staff.goto(base + '/review/admin');
    check(!(await staff.locator('tr', { hasText: 'kim' }).textContent()).includes('disabled'), 'Disable without its confirmation changes nothing');
    await staff.locator('tr', { hasText: 'kim' }).locator('form[action$="/disable"] input[name="confirm"]').check();
    await staff.locator('tr', { hasText: 'kim' }).locator('form[action$="/disable"] button').click();
    await staff.goto(base + '/review/admin');
    check((await staff.locator('tr', { hasText: 'kim' }).textContent()).includes('disabled'), 'Disable with its confirmation disables');

    // A session that ends while a reply is being written keeps the words.
    await staff.goto(testimonyUrl);
    await staff.fill('#reply', 'Words written while the session ran out.');
    const cookies = await staff.context().cookies();
    await staff.context().clearCookies();
    await staff.click('form[action$="/reply"] button');
    check((await staff.inputValue('#kept')) === 'Words written while the session ran out.', 'an ended session keeps the reply text');
    check((await staff.locator('a[href="/review/login"]').count()) >= 1, 'and offers to log in again');
    await staff.context().addCookies(cookies);
    await staff.goto(testimonyUrl);

    // The survivor comes back with the code, JavaScript still off.
    await page.goto(base + '/return');
    await page.fill('#receipt', code.toUpperCase());
    await page.click('button[type="submit"]');
    check((await page.content()).includes('Thank you for telling us. We are here.'), 'the code opens the reply');
    check(!(await page.content()).includes('Called the helpline partner.'), 'a staff note never reaches the author');
    await page.fill('#message', 'One more thing I remembered.');
    await page.click('form[action="/return/follow-up"] button');
    check((await page.content()).includes('Added'), 'a follow-up is added');
    await shot(page, '07-return');

    await staff.reload();
    check((await staff.content()).includes('One more thing I remembered.'), 'staff see the follow-up');
    await staff.click('form[action="/review/logout"] button');
    check(staff.url().endsWith('/review/login'), 'logout returns to the login page');
    await staff.goto(base + '/review');
    check(staff.url().endsWith('/review/login'), 'after logout the inbox is closed');

    // Withdrawal.
    await page.check('#confirm');
    await page.click('form[action="/return/withdraw"] button');
    check((await page.textContent('h1')).includes('Withdrawn'), 'withdrawal confirms what happened');

    // A survivor in Arabic, JavaScript off: the page mirrors and every step answers in Arabic.
    const ar = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })).newPage();
    ar.on('request', (r) => { if (!r.url().startsWith(base)) outside.push(r.url()); });
    await ar.goto(base + '/ar/submit');
    check((await ar.getAttribute('html', 'dir')) === 'rtl' && (await ar.getAttribute('html', 'lang')) === 'ar', 'the Arabic form is lang=ar dir=rtl');
    const exitAr = await ar.locator('a.quick-exit').boundingBox();
    check(exitAr && exitAr.x + exitAr.width / 2 < 195, 'the quick exit moves to the other side in Arabic (the page mirrors)');
    await ar.fill('#statement', 'حدث ذلك في العمل');
    await ar.check('#category-harassment');
    await ar.check('#want_receipt');
    await shot(ar, '09-arabic-submit');
    await ar.click('form.submit button[type="submit"]');
    check((await ar.textContent('h1')).includes('تم الاستلام'), 'received, in Arabic');
    const arCode = (await ar.textContent('#receipt-code')).trim().split(/\s+/).join(' ');
    await ar.click('footer a[href="/ar/return"]');
    await ar.fill('#receipt', arCode);
    await ar.click('main button[type="submit"]');
    check((await ar.textContent('h1')).includes('شهادتك'), 'the code opens the statement page in Arabic');
    await ar.fill('#message', 'شيء آخر');
    await ar.click('form[action="/ar/return/follow-up"] button');
    check((await ar.content()).includes('أُضيف.'), 'a follow-up is added, in Arabic');
    await ar.check('#confirm');
    await ar.click('form[action="/ar/return/withdraw"] button');
    check((await ar.textContent('h1')).includes('تم السحب'), 'withdrawn, in Arabic');
    await shot(ar, '10-arabic-withdrawn');

    // axe-core over every survivor and public page in every language, phone and desktop.
    const publicViolations = [];
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
      const ctx = await browser.newContext({ bypassCSP: true, viewport });
      for (const prefix of ['', '/es', '/fr', '/ar']) {
        for (const path of ['/', '/submit', '/return', '/counts', '/pledge', '/resources', '/federation', '/safety']) {
          const url = base + (prefix && path === '/' ? prefix : prefix + path);
          publicViolations.push(...await axeViolations(ctx, url, `${viewport.width}px ${prefix}${path}`));
        }
        // Pages reached only by sending something: an error, a receipt code, a code's thread.
        const label = `${viewport.width}px ${prefix}`;
        publicViolations.push(...await axeViolations(ctx, `${base}${prefix}/no-such-page`, `${label} 404`));
        const p = await ctx.newPage();
        await p.goto(`${base}${prefix}/submit`);
        await p.check('#want_receipt');
        await p.click('form.submit button[type="submit"]');
        publicViolations.push(...await axeOn(p, `${label} received`));
        const axeCode = (await p.textContent('#receipt-code')).trim().split(/\s+/).join(' ');
        await p.goto(`${base}${prefix}/return`);
        await p.fill('#receipt', axeCode);
        await p.click('main button[type="submit"]');
        publicViolations.push(...await axeOn(p, `${label} thread`));
        // Withdraw without the confirmation: the thread again, with its error; then withdrawn.
        await p.click('form[action$="/return/withdraw"] button');
        publicViolations.push(...await axeOn(p, `${label} withdraw refused`));
        await p.check('#confirm');
        await p.click('form[action$="/return/withdraw"] button');
        publicViolations.push(...await axeOn(p, `${label} withdrawn`));
        // A code that opens nothing: the form again, with its error and the words typed.
        await p.goto(`${base}${prefix}/return`);
        await p.fill('#receipt', 'no such code at all here');
        await p.click('main button[type="submit"]');
        publicViolations.push(...await axeOn(p, `${label} wrong code`));
        await p.goto(`${base}${prefix}/pledge`);
        await p.click('button[name="pledge"]');
        publicViolations.push(...await axeOn(p, `${label} pledged`));
        await p.close();
      }
      await ctx.close();
    }
    check(publicViolations.length === 0, `axe-core finds no violation on 120 survivor and public page views${publicViolations.length ? ':\n  ' + publicViolations.join('\n  ') : ''}`);

    // The federation page: a member that never answers is shown as such, on a phone too.
    await page.setViewportSize({ width: 375, height: 812 });
    for (const prefix of ['', '/ar']) {
      await page.goto(base + prefix + '/federation');
      await shot(page, `09-federation${prefix.replace('/', '-')}-phone`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      check(width <= 375, `the federation page${prefix} fits a 375 px screen (${width} px wide)`);
    }
    check(await page.locator('tr.member-unreachable, tr.member-waiting').count() === 1,
      'a member that does not answer is listed, not dropped');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto(base + '/counts');
    await shot(page, '08-counts');
    check((await page.content()).includes('<svg'), 'the counts page draws its chart without JavaScript');
    check(outside.length === 0, `nothing was loaded from another origin (${outside.join(', ')})`);
  } catch (e) {
    failures.push(e);
  } finally {
    await browser.close();
    child.kill('SIGKILL');
    neutral.server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(failures[0].message);
    console.log(`${step - 1} passed, 1 failed`);
    process.exit(1);
  }
  console.log(`${step} passed, 0 failed`);
})();
