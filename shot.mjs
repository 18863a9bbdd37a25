import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
for (const [name, url, width] of [["index","/",1280],["vinna","/projekt/vinna-vinna/",1280],["rom-mobile","/projekt/rom-for-dannelse/",375],["kontakt","/kontakt/",1280],["tillg","/tillganglighet/",1280],["index-mobile","/",375]]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto("http://127.0.0.1:8765" + url);
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: true });
  await page.close();
}
await browser.close();
