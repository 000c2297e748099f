'use strict';
/**
 * Token issuing as the docs describe it (fxiaoke-api.md §2.1, §2.4, §4):
 * - a token lives 7,200 s; the same token is returned for 6,600 s after it was issued, a call in the
 *   6,600–7,200 s window issues a new one (the old one keeps working until its 7,200 s are up);
 * - at most 10 token calls a minute and none concurrently.
 * ASSUMPTION (docs silent): the over-limit and concurrency rejections use errorCode 14001
 * ("interface call limit exceeded"), the only generic limit code in the table.
 */
const { randomBytes } = require('node:crypto');
const { CallLimit } = require('./callLimit');

const LIFETIME_S = 7200;
const REISSUE_AFTER_S = 6600;
const CALLS_PER_MINUTE = 10;

class TokenAuthority {
	constructor(clock) {
		this.clock = clock;
		this.tokens = new Map(); // accessToken → { ea, issuedAtMs, deadAtMs }
		this.current = null; // the token the endpoint hands out now
		this.callLimit = new CallLimit(CALLS_PER_MINUTE, 60_000);
	}

	/** Records one token call; false when the rate limit refuses it. */
	admitCall() {
		return this.callLimit.admit(this.clock.now());
	}

	issue(ea) {
		const now = this.clock.now();
		const current = this.current && this.tokens.get(this.current);
		if (!current || now - current.issuedAtMs >= REISSUE_AFTER_S * 1000 || now >= current.deadAtMs) {
			this.current = randomBytes(16).toString('hex').toUpperCase();
			this.tokens.set(this.current, { ea, issuedAtMs: now, deadAtMs: now + LIFETIME_S * 1000 });
		}
		const token = this.tokens.get(this.current);
		return {
			accessToken: this.current,
			expiresIn: Math.round((token.deadAtMs - now) / 1000),
		};
	}

	/** 'valid', 'expired' or 'unknown'. */
	check(accessToken) {
		const token = this.tokens.get(accessToken);
		if (!token) return 'unknown';
		return this.clock.now() < token.deadAtMs ? 'valid' : 'expired';
	}

	ea(accessToken) {
		return this.tokens.get(accessToken)?.ea;
	}

	/** Kills every token at once, as if their 7,200 s had passed. */
	expireAll() {
		const now = this.clock.now();
		for (const token of this.tokens.values()) token.deadAtMs = Math.min(token.deadAtMs, now);
	}
}

module.exports = { TokenAuthority };
