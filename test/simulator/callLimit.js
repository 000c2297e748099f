'use strict';
/**
 * A sliding-window call limit: at most `calls` admitted calls within any `windowMs`.
 * ASSUMPTION (docs silent): a refused call does not count against the window.
 */
class CallLimit {
	constructor(calls, windowMs) {
		this.calls = calls;
		this.windowMs = windowMs;
		this.admittedAtMs = [];
	}

	/** Admits one call at `nowMs`, or returns false when the window is full. */
	admit(nowMs) {
		this.admittedAtMs = this.admittedAtMs.filter((t) => nowMs - t < this.windowMs);
		if (this.admittedAtMs.length >= this.calls) return false;
		this.admittedAtMs.push(nowMs);
		return true;
	}
}

module.exports = { CallLimit };
