// Drives the portal in headless Chromium (Debian's chromium through playwright-core):
// login through the real OpenID provider, group-based catalog, API page, try-it, logout.
//   node portal-e2e.mjs --portal http://127.0.0.1:P --key KEY [--shots DIR] [--chromium PATH]
// Prints one JSON line of observations; exits 1 with the reason on the first failed step.
import { chromium } from 'playwright-core';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const portal = arg('portal');
const key = arg('key');
const shots = arg('shots', '');
const executablePath = arg('chromium', '/usr/bin/chromium');
const out = {};

function check(cond, what) {
  if (!cond) throw new Error(what);
}

async function signIn(page, user) {
  await page.goto(`${portal}/`);
  await page.click('text=Sign in');
  await page.waitForSelector('input[name=login]');
  await page.fill('input[name=login]', user);
  await page.fill('input[name=password]', 'any');
  await page.click('button[type=submit]');
  // Consent, then back to the portal.
  await page.waitForSelector('button[type=submit]');
  await page.click('button[type=submit]');
  await page.waitForURL(`${portal}/catalog`);
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(`${portal}/`);
  out.homeTitle = await page.textContent('main h1');
  if (shots) await page.screenshot({ path: `${shots}/portal-home.png` });

  await signIn(page, 'alice');
  out.aliceCatalog = await page.$$eval('.cards h2', (hs) => hs.map((h) => h.textContent));
  out.aliceUser = await page.textContent('.user');
  if (shots) await page.screenshot({ path: `${shots}/portal-catalog.png` });

  // The session cookie: HttpOnly, SameSite.
  const cookie = (await context.cookies()).find((c) => c.name === 'airgate_portal');
  out.cookie = cookie ? { httpOnly: cookie.httpOnly, sameSite: cookie.sameSite } : null;

  await page.click('text=Weather API');
  await page.waitForSelector('details.op');
  out.operations = await page.$$eval('details.op > summary', (ss) =>
    ss.map((s) => s.querySelector('.method').textContent + ' ' + s.querySelector('.path').textContent));
  out.servers = await page.$$eval('p.meta code', (cs) => cs.map((c) => c.textContent));
  const first = page.locator('details.op').first();
  await first.locator('summary').click();
  if (shots) await page.screenshot({ path: `${shots}/portal-api.png`, fullPage: false });

  // Try-it with the user's key: the gateway answers through the portal.
  await first.locator('input[name=credential]').fill(key);
  await first.locator('form.try button').click();
  await first.locator('output .status').waitFor();
  out.tryWithKey = await first.locator('output .status').textContent();
  out.tryBody = (await first.locator('output pre').textContent()).slice(0, 200);
  await first.locator('input[name=credential]').fill('wrong-key');
  await first.locator('form.try button').click();
  await page.waitForFunction(() => document.querySelector('output .status')?.textContent !== undefined
    && document.querySelector('output .status').dataset.status === '401');
  out.tryWithWrongKey = await first.locator('output .status').textContent();

  await page.goto(`${portal}/apps`);
  out.apps = await page.$$eval('section.app h2', (hs) => hs.map((h) => h.textContent));
  await page.goto(`${portal}/plans`);
  out.plans = await page.$$eval('.plan dd', (ds) => ds.map((d) => d.textContent));

  // Keyboard: the skip link is the first stop.
  await page.goto(`${portal}/catalog`);
  await page.keyboard.press('Tab');
  out.firstFocus = await page.evaluate(() => document.activeElement.textContent);

  await page.click('nav button');
  await page.waitForSelector('text=You are signed out');
  const after = await page.request.get(`${portal}/catalog`, { maxRedirects: 0 });
  out.afterLogout = { status: after.status(), location: after.headers()['location'] };

  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signIn(bob, 'bob');
  out.bobCatalog = await bob.$$eval('.cards h2', (hs) => hs.map((h) => h.textContent));
  const hidden = await bob.goto(`${portal}/apis/weather-api`);
  out.bobWeatherStatus = hidden.status();

  // An API whose OpenAPI document cannot be loaded says so on its page.
  const broken = await bob.goto(`${portal}/apis/broken-api`);
  out.brokenApi = { status: broken.status(), text: await bob.textContent('main') };

  // A forged state is refused with a readable page.
  const forged = await bob.goto(`${portal}/callback?state=forged&code=x`);
  out.forgedState = { status: forged.status(), text: await bob.textContent('main') };

  // Phone width: no horizontal scrolling on the API page.
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const pp = await phone.newPage();
  await signIn(pp, 'alice');
  await pp.goto(`${portal}/apis/weather-api`);
  out.phoneOverflow = await pp.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  process.stdout.write(JSON.stringify(out) + '\n');
} catch (e) {
  process.stdout.write(JSON.stringify({ ...out, failed: String(e) }) + '\n');
  process.exitCode = 1;
} finally {
  await browser.close();
}
