// TLS and the trusted reverse proxy: the session cookie is Secure exactly
// when the client's connection is HTTPS, and forwarded headers count only
// when they come from the configured proxy address.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startServer } from '../lib/server.mjs';

function httpsJson(url, method, body, headers = {}) {
	return new Promise((resolve, reject) => {
		const data = body === undefined ? undefined : JSON.stringify(body);
		const req = request(url, {
			method,
			rejectUnauthorized: false,
			headers: {
				...(data ? { 'content-type': 'application/json' } : {}),
				...headers,
			},
		}, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c) => { text += c; });
			res.on('end', () => resolve({ status: res.statusCode,
			    headers: res.headers, text }));
		});
		req.on('error', reject);
		if (data)
			req.write(data);
		req.end();
	});
}

async function login(url, user, extra = {}) {
	const r = await fetch(`${url}/api/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...extra },
		body: JSON.stringify({ username: 'demo-admin',
		    password: user.password }),
	});
	assert.equal(r.status, 200);
	return r.headers.get('set-cookie');
}

describe('TLS', () => {
	let server;
	let dir;

	before(async () => {
		dir = mkdtempSync(join(tmpdir(), 'schakel-tls-'));
		execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048',
		    '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
		    '-keyout', join(dir, 'key.pem'),
		    '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
		server = await startServer({ args: [
		    '--tls-cert', join(dir, 'cert.pem'),
		    '--tls-key', join(dir, 'key.pem')] });
	});
	after(async () => {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	test('serves HTTPS with HSTS and a Secure session cookie', async () => {
		assert.match(server.url, /^https:\/\//);
		const health = await httpsJson(`${server.url}/healthz`, 'GET');
		assert.equal(health.status, 200);
		assert.equal(health.text, '{"status":"ok"}');
		assert.match(health.headers['strict-transport-security'] ?? '',
		    /max-age=\d+/);
		const r = await httpsJson(`${server.url}/api/login`, 'POST', {
			username: 'demo-admin',
			password: server.users['demo-admin'].password,
		});
		assert.equal(r.status, 200);
		const cookie = r.headers['set-cookie'].join('\n');
		assert.match(cookie, /schakel_session=[^;]+;/);
		assert.match(cookie, /; Secure/);
		assert.match(cookie, /HttpOnly/);
		assert.match(cookie, /SameSite=Strict/);
	});

	test('plain HTTP on the TLS port gets no answer', async () => {
		const plain = server.url.replace('https://', 'http://');
		await assert.rejects(fetch(`${plain}/healthz`,
		    { signal: AbortSignal.timeout(5000) }));
	});
});

describe('reverse proxy', () => {
	let trusted;
	let untrusted;

	before(async () => {
		trusted = await startServer({ args: ['--trust-proxy',
		    '127.0.0.1'] });
		untrusted = await startServer();
	});
	after(async () => {
		await trusted?.stop();
		await untrusted?.stop();
	});

	const forwarded = { 'x-forwarded-for': '203.0.113.7',
	    'x-forwarded-proto': 'https' };

	test('the trusted proxy may say the client used HTTPS', async () => {
		const cookie = await login(trusted.url,
		    trusted.users['demo-admin'], forwarded);
		assert.match(cookie, /; Secure/);
	});

	test('anyone else cannot', async () => {
		const cookie = await login(untrusted.url,
		    untrusted.users['demo-admin'], forwarded);
		assert.doesNotMatch(cookie, /Secure/);
	});

	test('failures count against the forwarded address only from the ' +
	    'proxy', async () => {
		// Twenty failures from one forwarded address make it wait;
		// another forwarded address is not held up.
		const bad = { username: 'nobody-here', password: 'x' };
		const post = (url, ip) => fetch(`${url}/api/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json',
			    'x-forwarded-for': ip },
			body: JSON.stringify(bad),
		});
		let last;
		for (let i = 0; i < 22; i++) {
			bad.username = `nobody-${i}`;
			last = await post(trusted.url, '198.51.100.1');
		}
		assert.equal(last.status, 429);
		assert.ok(Number(last.headers.get('retry-after')) > 0);
		bad.username = 'nobody-else';
		const other = await post(trusted.url, '198.51.100.2');
		assert.equal(other.status, 401);
	});
});
