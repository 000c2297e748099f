'use strict';
/**
 * The Fxiaoke Open API simulator: a loopback HTTP server that behaves like the documented API
 * (shared/reference/fxiaoke-api.md), records every request and every created record, and can be
 * told to expire tokens or fail in chosen ways.
 *
 * In-process use (jest):   const sim = await startSimulator(); … sim.requests … await sim.stop();
 * Out-of-process use:      node test/simulator/cli.js  (control it through the /__sim/ endpoints)
 *
 * The simulator is stricter than the real gateway where strictness catches client bugs: a missing,
 * malformed or reused thirdTraceId, or a body that is not JSON with `content-type:
 * application/json`, is refused with HTTP 400 and a `simulator:` message (the real gateway's
 * behaviour there is not documented; see fxiaoke-api.md §1.1).
 */
const http = require('node:http');
const { CallLimit } = require('./callLimit');
const { TokenAuthority } = require('./tokens');
const { checkAuth, createRecord, listObjects, describeObject, ok, fail } = require('./crm');
const { SANDBOX_TENANT, SEED_ACCOUNTS } = require('./tenant');

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/**
 * Per-interface frequency limit: 100 calls per 20 s, each endpoint counted on its own
 * (fxiaoke-api.md §4). ASSUMPTION: the refusal is errorCode 14001 ("interface call limit
 * exceeded"); the docs do not say whether it is 14001 or 30004.
 */
const INTERFACE_LIMIT = { calls: 100, windowMs: 20_000 };

const MARKETING_PAGE =
	'<!DOCTYPE html><html><head><title>Fxiaoke</title></head><body>CRM</body></html>';

const BUSINESS_ROUTES = {
	'/cgi/crm/v2/data/create': (sim, body) => createRecord(body, sim.records),
	'/cgi/crm/v2/object/list': () => listObjects(),
	'/cgi/crm/v2/object/describe': (sim, body) => describeObject(body),
};

class Simulator {
	/**
	 * @param {object} [options]
	 * @param {object} [options.tenant] app credentials, ea and employee IDs (default: the sandbox)
	 * @param {number} [options.tokenLatencyMs] how long a token call takes; long enough that two
	 *   overlapping calls are seen as concurrent
	 * @param {{calls: number, windowMs: number} | null} [options.interfaceLimit] the per-interface
	 *   call limit (default: the documented 100 calls per 20 s; null: none)
	 */
	constructor(options = {}) {
		this.tenant = options.tenant || SANDBOX_TENANT;
		this.tokenLatencyMs = options.tokenLatencyMs ?? 25;
		this.interfaceLimit =
			options.interfaceLimit === undefined ? INTERFACE_LIMIT : options.interfaceLimit;
		this.clockOffsetMs = 0;
		this.clock = { now: () => Date.now() + this.clockOffsetMs };
		this.server = http.createServer((req, res) => this.handle(req, res));
		this.sockets = new Set();
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.reset();
	}

	/** Forgets requests, records, tokens and faults; the tenant's seed accounts come back. */
	reset() {
		this.requests = [];
		this.records = SEED_ACCOUNTS.map((account) => ({
			apiName: 'AccountObj',
			record: { ...account },
		}));
		this.tokens = new TokenAuthority(this.clock);
		this.interfaceCalls = new Map(); // business path → CallLimit
		this.faults = [];
		this.seenTraceIds = new Set();
		this.tokenCallsInFlight = 0;
		this.maxConcurrentTokenCalls = 0;
	}

	async start(port = 0) {
		await new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', resolve);
		});
		this.url = `http://127.0.0.1:${this.server.address().port}`;
		return this;
	}

	async stop() {
		for (const socket of this.sockets) socket.destroy();
		await new Promise((resolve) => this.server.close(() => resolve()));
	}

	// ---- what tests read ------------------------------------------------------------------------

	/** Requests to one path, e.g. sim.requestsTo('/oauth2.0/token'). */
	requestsTo(path) {
		return this.requests.filter((r) => r.path === path);
	}

	get tokenCalls() {
		return this.requestsTo('/oauth2.0/token').length;
	}

	/** Created records of one object (the sandbox's seed accounts are records too). */
	recordsOf(apiName) {
		return this.records.filter((r) => r.apiName === apiName);
	}

	// ---- what tests steer -----------------------------------------------------------------------

	/** Kills every issued token: the next business call answers 20016. */
	expireTokens() {
		this.tokens.expireAll();
	}

	/** Moves the simulator's clock forward, e.g. past the 6,600 s re-issue point. */
	advanceClock(seconds) {
		this.clockOffsetMs += seconds * 1000;
	}

	/**
	 * Makes the next `times` requests to `path` fail. One of:
	 *   { errorCode, errorMessage }  an error envelope with HTTP 200, the request not applied
	 *   { html: true }               an HTML page with HTTP 200 (a web host instead of the API host)
	 *   { status: 502 }              that HTTP status with a text body
	 *   { hang: true }               never answer (the client's timeout has to act)
	 *   { destroy: true }            close the connection without an answer
	 *   { expireTokens: true }       kill every token, then handle the request as usual (so it
	 *                                meets a dead token: expiry in the middle of a run)
	 * `skip` lets that many matching requests through first (a fault in the middle of a run).
	 * With `afterCommit: true` the request is carried out first (the record is created) and only
	 * the answer is lost: the case where a blind retry would create a duplicate.
	 */
	failNext(path, fault, times = 1, { skip = 0 } = {}) {
		this.faults.push({ path, fault, remaining: times, skip });
	}

	// ---- HTTP -----------------------------------------------------------------------------------

	takeFault(path) {
		const entry = this.faults.find((f) => f.path === path && f.remaining > 0);
		if (!entry) return null;
		if (entry.skip > 0) {
			entry.skip -= 1;
			return null;
		}
		entry.remaining -= 1;
		return entry.fault;
	}

	async handle(req, res) {
		const url = new URL(req.url, 'http://simulator');
		const rawBody = await readBody(req);
		if (url.pathname.startsWith('/__sim/')) return this.control(url, rawBody, res);

		const entry = {
			method: req.method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			body: parseJson(rawBody),
			rawBody,
			receivedAt: this.clock.now(),
		};
		this.requests.push(entry);
		if (url.pathname.startsWith('/marketing')) return serveMarketingSite(url, res);
		const reply = (status, payload, contentType = 'application/json') => {
			entry.response = { status, body: payload };
			const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
			res.writeHead(status, { 'content-type': `${contentType}; charset=utf-8` });
			res.end(text);
		};

		if (req.method !== 'POST') return reply(404, '404 page not found', 'text/plain');
		const refusal = this.checkEnvelope(entry);
		if (refusal) return reply(400, refusal, 'text/plain');

		const fault = this.takeFault(entry.path);
		if (fault && !fault.afterCommit && this.applyFault(fault, req, res, reply)) return;
		if (!this.admitBusinessCall(entry.path)) {
			return reply(200, withTraceId(fail(14001, 'interface call limit exceeded')));
		}
		const answer = await this.route(entry);
		if (fault && fault.afterCommit && this.applyFault(fault, req, res, reply)) return;
		if (!answer)
			return reply(
				200,
				fail(10006, `the request uri=[${entry.path}], apiName=[null] is not exists`),
			);
		return reply(200, withTraceId(answer));
	}

	/** The public parameters every request must carry (fxiaoke-api.md §1.1–1.2). */
	checkEnvelope(entry) {
		const traceId = entry.query.thirdTraceId;
		if (!traceId || !UUID_V4.test(traceId))
			return 'simulator: thirdTraceId missing or not a UUID v4';
		if (this.seenTraceIds.has(traceId)) return `simulator: thirdTraceId ${traceId} was used before`;
		this.seenTraceIds.add(traceId);
		if (!String(entry.headers['content-type'] || '').startsWith('application/json')) {
			return 'simulator: content-type must be application/json';
		}
		if (entry.body === undefined) return 'simulator: the body is not JSON';
		return null;
	}

	/** False when the path is a business interface whose call limit refuses this call. */
	admitBusinessCall(path) {
		if (!this.interfaceLimit || !BUSINESS_ROUTES[path]) return true;
		if (!this.interfaceCalls.has(path)) {
			const { calls, windowMs } = this.interfaceLimit;
			this.interfaceCalls.set(path, new CallLimit(calls, windowMs));
		}
		return this.interfaceCalls.get(path).admit(this.clock.now());
	}

	applyFault(fault, req, res, reply) {
		if (fault.errorCode !== undefined) {
			reply(
				200,
				withTraceId(
					fail(fault.errorCode, fault.errorMessage || `injected error ${fault.errorCode}`),
				),
			);
		} else if (fault.html) {
			reply(200, MARKETING_PAGE, 'text/html');
		} else if (fault.status) {
			reply(fault.status, `injected HTTP ${fault.status}`, 'text/plain');
		} else if (fault.destroy) {
			req.socket.destroy();
		} else if (fault.hang) {
			// Leave the request unanswered; stop() closes the socket.
		} else if (fault.expireTokens) {
			this.expireTokens();
			return false;
		} else {
			return false;
		}
		return true;
	}

	async route(entry) {
		if (entry.path === '/oauth2.0/token') return this.issueToken(entry.body);
		const handler = BUSINESS_ROUTES[entry.path];
		if (!handler) return null;
		return checkAuth(entry.headers, this.tenant, this.tokens) || handler(this, entry.body);
	}

	/** `POST /oauth2.0/token` with grantType app_secret (fxiaoke-api.md §2.1). */
	async issueToken(body) {
		this.tokenCallsInFlight += 1;
		this.maxConcurrentTokenCalls = Math.max(this.maxConcurrentTokenCalls, this.tokenCallsInFlight);
		try {
			await new Promise((resolve) => setTimeout(resolve, this.tokenLatencyMs));
			if (this.tokenCallsInFlight > 1) return fail(14001, 'token calls must not be concurrent');
			if (!this.tokens.admitCall()) return fail(14001, 'token call limit exceeded');
			const { appId, appSecret, permanentCode, grantType } = body || {};
			if (grantType !== 'app_secret')
				return fail(10006, 'the parameter grantType is missing or illegal');
			// The live API answers a wrong secret with 10006 (probe); 20006 and 20015 are the table's
			// codes for a wrong app secret and a wrong permanent code.
			if (appId !== this.tenant.appId || appSecret !== this.tenant.appSecret) {
				return fail(20006, 'appId or appSecret is wrong');
			}
			if (permanentCode !== this.tenant.permanentCode) return fail(20015, 'permanentCode is wrong');
			const { accessToken, expiresIn } = this.tokens.issue(this.tenant.ea);
			return ok({
				accessToken,
				expiresIn,
				appId,
				ea: this.tenant.ea,
				openUserId: 'FSCID_sandbox',
				errorMessage: 'success',
			});
		} finally {
			this.tokenCallsInFlight -= 1;
		}
	}

	/** Control endpoints for a simulator running in another process (the e2e suite, the demo). */
	control(url, rawBody, res) {
		const send = (payload) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(payload));
		};
		const body = parseJson(rawBody) || {};
		switch (url.pathname) {
			case '/__sim/requests':
				return send(this.requests.map(({ rawBody: _raw, ...rest }) => rest));
			case '/__sim/records':
				return send(this.records);
			case '/__sim/stats':
				return send({
					tokenCalls: this.tokenCalls,
					maxConcurrentTokenCalls: this.maxConcurrentTokenCalls,
				});
			case '/__sim/reset':
				this.reset();
				return send({ ok: true });
			case '/__sim/expire-tokens':
				this.expireTokens();
				return send({ ok: true });
			case '/__sim/advance-clock':
				this.advanceClock(Number(body.seconds) || 0);
				return send({ ok: true });
			case '/__sim/fail-next':
				this.failNext(body.path, body.fault, body.times || 1, { skip: body.skip || 0 });
				return send({ ok: true });
			default:
				res.writeHead(404).end();
		}
	}
}

/** A web host, not the API host: every path redirects to an HTML page (fxiaoke-api.md §1.5). */
function serveMarketingSite(url, res) {
	if (url.pathname !== '/marketing/index.html') {
		res.writeHead(302, { location: '/marketing/index.html' }).end();
		return;
	}
	res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(MARKETING_PAGE);
}

function withTraceId(answer) {
	return { traceId: `E-O.sim.${Math.random().toString(36).slice(2, 12)}`, ...answer };
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseJson(text) {
	if (text === '') return null;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

async function startSimulator(options = {}) {
	return new Simulator(options).start(options.port);
}

module.exports = { Simulator, startSimulator, SANDBOX_TENANT };
