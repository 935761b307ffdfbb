// browser: Debian's Chromium through playwright-core, and axe-core checks.
//
//   const browser = await launch();
//   const page = await (await browser.newContext()).newPage();
//   const problems = watch(page);            // CSP violations, JS errors
//   const violations = await axeCheck(page); // [] when accessible
//
// axe-core is evaluated in the page through the DevTools protocol rather
// than added with page.addScriptTag({path}): addScriptTag inserts an
// inline <script>, which the server's Content-Security-Policy refuses
// (and which watch() would then report).  The page's own scripts stay
// under the CSP either way.

import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

export function launch(opts = {}) {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu',
		    '--disable-background-networking',
		    '--disable-component-update', '--disable-sync',
		    '--disable-quic', '--no-first-run'],
		...opts,
	});
}

let axeSource = null;

// Runs axe-core with its default rules (WCAG 2.x A and AA, best
// practices; not the experimental ones) on the page, or on the element
// matching opts.include, and returns the violations.
export async function axeCheck(page, opts = {}) {
	const present = await page.evaluate(() => typeof window.axe === 'object');
	if (!present) {
		axeSource ??= readFileSync(AXE_PATH, 'utf8');
		await page.evaluate(axeSource);
	}
	return page.evaluate(async (include) => {
		const result = await window.axe.run(include ?? document, {
			resultTypes: ['violations'],
		});
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.map((n) => ({ target: n.target,
			    summary: n.failureSummary })),
		}));
	}, opts.include ?? null);
}

// Readable text for an assertion message.
export function formatViolations(violations) {
	return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
	    v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.summary}`)
		.join('\n')).join('\n');
}

// Collects what should never happen on a page: uncaught exceptions and
// Content-Security-Policy refusals.  Returns an array that fills as the
// page runs.
export function watch(page) {
	const problems = [];
	page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
	page.on('console', (msg) => {
		const text = msg.text();
		if (/Content Security Policy|Refused to/i.test(text))
			problems.push(`csp: ${text}`);
	});
	return problems;
}
