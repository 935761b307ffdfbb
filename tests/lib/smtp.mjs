// A real SMTP receiver for tests: the npm package smtp-server on
// 127.0.0.1, collecting every message it accepts.  start(port) listens
// (port 0: a free one), stop() closes it so a sender finds it down.

import { SMTPServer } from 'smtp-server';

export function smtpReceiver() {
	const r = { messages: [], port: 0, server: null };
	r.start = (port = 0) => new Promise((resolve, reject) => {
		r.server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onData(stream, session, done) {
				let text = '';
				stream.setEncoding('utf8');
				stream.on('data', (d) => { text += d; });
				stream.on('end', () => {
					r.messages.push({ text, to: session
					    .envelope.rcptTo.map((x) => x.address) });
					done();
				});
			},
		});
		r.server.on('error', reject);
		r.server.listen(port, '127.0.0.1', () => {
			r.port = r.server.server.address().port;
			resolve(r.port);
		});
	});
	r.stop = () => new Promise((resolve) => {
		if (r.server === null)
			return resolve();
		r.server.close(() => resolve());
		r.server = null;
	});
	// Wait until n messages arrived, up to ms.
	r.waitFor = async (n, ms = 15000) => {
		const end = Date.now() + ms;
		while (r.messages.length < n && Date.now() < end)
			await new Promise((res) => setTimeout(res, 100));
		return r.messages.length >= n;
	};
	return r;
}
