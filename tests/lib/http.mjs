// http: a small JSON client with a cookie jar for the API tests.
//
//   const c = client(server.url);
//   await c.login('admin', password, totp(secret));   // throws unless 200
//   const r = await c.get('/api/me');                 // {status, headers, body, text}
//   await c.post('/api/orgs', {name: 'x'}, {headers: {...}});
//
// After a successful login (or setCsrf) every unsafe request carries
// X-CSRF-Token unless the caller passes that header itself (pass it as
// null to send none).  A body that is a string or a Buffer is sent as it
// is, so tests can send malformed JSON; anything else is JSON-encoded.
// `body` in the result is the parsed JSON, or null when the response is
// not JSON.  Redirects are not followed.

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function client(baseUrl) {
	const jar = new Map();
	const c = {
		url: baseUrl.replace(/\/$/, ''),
		cookies: jar,
		csrf: null,
	};

	function cookieHeader() {
		return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	function store(headers) {
		const list = typeof headers.getSetCookie === 'function' ?
		    headers.getSetCookie() : [];
		for (const line of list) {
			const [pair, ...attrs] = line.split(';');
			const eq = pair.indexOf('=');
			if (eq <= 0)
				continue;
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			let gone = value === '';
			for (const a of attrs) {
				const [k, v = ''] = a.split('=');
				const key = k.trim().toLowerCase();
				if (key === 'max-age' && Number(v) <= 0)
					gone = true;
				if (key === 'expires' &&
				    Date.parse(v.trim()) <= Date.now())
					gone = true;
			}
			if (gone)
				jar.delete(name);
			else
				jar.set(name, value);
		}
	}

	c.request = async function (method, path, body, opts = {}) {
		method = method.toUpperCase();
		const headers = { accept: 'application/json' };
		let payload;
		if (body !== undefined) {
			if (typeof body === 'string' || Buffer.isBuffer(body))
				payload = body;
			else
				payload = JSON.stringify(body);
			headers['content-type'] = 'application/json';
		}
		if (!SAFE.has(method) && c.csrf)
			headers['x-csrf-token'] = c.csrf;
		if (jar.size > 0)
			headers.cookie = cookieHeader();
		for (const [k, v] of Object.entries(opts.headers ?? {})) {
			if (v === null || v === undefined)
				delete headers[k.toLowerCase()];
			else
				headers[k.toLowerCase()] = String(v);
		}
		const res = await fetch(c.url + path, {
			method,
			headers,
			body: payload,
			redirect: 'manual',
		});
		store(res.headers);
		const text = await res.text();
		let parsed = null;
		if (/json/i.test(res.headers.get('content-type') ?? '')) {
			try {
				parsed = JSON.parse(text);
			} catch {
				parsed = null;
			}
		}
		return { status: res.status, headers: res.headers,
		    body: parsed, text };
	};

	c.get = (path, opts) => c.request('GET', path, undefined, opts);
	c.delete = (path, opts) => c.request('DELETE', path, undefined, opts);
	c.post = (path, body, opts) => c.request('POST', path, body, opts);
	c.put = (path, body, opts) => c.request('PUT', path, body, opts);
	c.patch = (path, body, opts) => c.request('PATCH', path, body, opts);
	c.setCsrf = (token) => {
		c.csrf = token;
	};

	// Logs in and keeps the session cookie and CSRF token.  Throws with
	// the status and error code (never the password) unless the server
	// says 200; test failing logins with c.post('/api/login', ...).
	// The server hashes only as many passwords at once as it has cores
	// and answers 429 with a Retry-After of a second or two to the rest;
	// like a real client this one waits that long and tries again, a
	// few times (a busy machine logging in several users at once).
	c.login = async function (username, password, totpCode) {
		const body = { username, password };
		if (totpCode !== undefined && totpCode !== null)
			body.totp = String(totpCode);
		let r = await c.post('/api/login', body);
		for (let i = 0; i < 10 && r.status === 429; i++) {
			const wait = Number(r.headers.get('retry-after'));
			if (!(wait > 0 && wait <= 2))
				break;
			await new Promise((ok) => setTimeout(ok, wait * 1000));
			r = await c.post('/api/login', body);
		}
		if (r.status !== 200) {
			const code = r.body?.error?.code ?? r.text.slice(0, 200);
			throw new Error(`login as '${username}' failed: ` +
			    `${r.status} ${code}`);
		}
		c.csrf = r.body?.csrf_token ?? null;
		return r;
	};

	c.logout = async function () {
		const r = await c.post('/api/logout');
		c.csrf = null;
		return r;
	};

	return c;
}
