// Every reason the server can give for a wrong field has a text in
// Dutch and in English in the web UI (web/i18n.js): the reasons are
// read from the fail_field() calls in src/ (the command line's own are
// left out: they never reach a page), with a number for each %d and a
// list of words for each %s.  A new reason without a text fails here.
// An unknown reason is never shown in English under a Dutch page: it
// gets a general Dutch text.  Needs no server.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { reasonKey, reasonOrOther, setLang, t } from '../../web/i18n.js';

const SRC = new URL('../../src/', import.meta.url).pathname;

function sources(dir, out = []) {
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory() && e.name !== 'cli')
			sources(p, out);
		else if (e.isFile() && e.name.endsWith('.c') &&
		    !e.name.endsWith('_test.c'))
			out.push(p);
	}
	return out;
}

// The arguments of the call that opens at s[from], split at the commas
// outside parentheses and strings.
function callArgs(s, from) {
	const args = [];
	let cur = '';
	let depth = 1;
	for (let i = from; i < s.length; i++) {
		const c = s[i];
		if (c === '"') {
			const end = /"((?:[^"\\]|\\.)*)"/y;
			end.lastIndex = i;
			const m = end.exec(s);
			cur += m[0];
			i += m[0].length - 1;
			continue;
		}
		if (c === '(')
			depth++;
		else if (c === ')' && --depth === 0)
			break;
		if (c === ',' && depth === 1) {
			args.push(cur);
			cur = '';
		} else
			cur += c;
	}
	args.push(cur);
	return args;
}

// Every reason in src/ as {reason, where}: the string literals of the
// format argument (adjacent ones joined; a ?: gives two), filled in.
function reasons() {
	const out = [];
	for (const file of sources(SRC)) {
		const s = readFileSync(file, 'utf8');
		const call = /\bfail_field\s*\(/g;
		let m;
		while ((m = call.exec(s)) !== null) {
			const args = callArgs(s, m.index + m[0].length);
			if (args.length < 3)
				continue;
			const fmt = args[2]
			    .replace(/%"\s*PRI[diu](64|32)/g, '%d"')
			    .replace(/"\s*"/g, '');
			const where = `${file.slice(SRC.length)}:` +
			    `${s.slice(0, m.index).split('\n').length}`;
			for (const lit of fmt.matchAll(/"((?:[^"\\]|\\.)*)"/g))
				out.push({ where, reason: lit[1]
				    .replace(/\\(.)/g, '$1')
				    .replace(/%(ll|l|z)?[du]/g, '7')
				    .replace(/%s/g, 'x_y or z') });
		}
	}
	return out;
}

test('every reason of the server has a Dutch and an English text', () => {
	const all = reasons();
	assert.ok(all.length > 150, `found ${all.length} reasons`);
	const missing = [];
	for (const { reason, where } of all) {
		const r = reasonKey(reason);
		if (!r) {
			missing.push(`${where}: "${reason}"`);
			continue;
		}
		for (const lang of ['nl', 'en']) {
			setLangQuiet(lang);
			const text = t(r.key, r.args);
			if (text === r.key || /\{\w+\}/.test(text))
				missing.push(`${where}: "${reason}" in ${lang}`);
		}
	}
	setLangQuiet('nl');
	assert.deepEqual(missing, [], 'reasons without a text');
});

test('an unknown reason gets a general Dutch text', () => {
	assert.equal(reasonKey('is frobnicated beyond repair'), null);
	const r = reasonOrOther('is frobnicated beyond repair');
	setLangQuiet('nl');
	assert.equal(t(r.key, r.args), 'Dit klopt niet.');
	setLangQuiet('en');
	assert.equal(t(r.key, r.args), 'This is not correct.');
	setLangQuiet('nl');
});

// setLang() also rewrites the page; here there is none.
function setLangQuiet(lang) {
	const g = globalThis;
	const had = 'document' in g;
	if (!had)
		g.document = { documentElement: {},
		    querySelectorAll: () => [] };
	g.Node ??= { ELEMENT_NODE: 1 };
	setLang(lang);
	if (!had)
		delete g.document;
}
