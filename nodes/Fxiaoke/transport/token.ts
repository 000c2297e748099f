import { randomUUID, createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { resolveBaseUrl } from './cloud';
import { classifyErrorCode, hintFor } from './errors';

/**
 * The access-token lifecycle (shared/reference/fxiaoke-api.md §2.1, §2.4).
 *
 * The token lives 7,200 s, and the token endpoint hands back the same token for the first 6,600 s,
 * so asking earlier is a wasted call against its limit of 10 calls a minute; the docs say to ask
 * again between 6,650 and 7,200 s. We therefore renew once the token is within 500 s of its end
 * (`renewAfter`, 6,700 s after issue; halfway through its life for a token handed out with less
 * than 1,000 s left), and never run two token calls for one app at once: callers that arrive
 * while a call is under way share its result.
 *
 * A token call refused for frequency (another n8n process of the same app, say) changes nothing
 * at Fxiaoke, so it is repeated after a pause, long enough in all to span the one-minute window.
 */
const RENEWAL_WINDOW_S = 500;
const RATE_LIMIT_WAITS_MS = [2_000, 5_000, 10_000, 20_000, 30_000];

/** What the credential keeps between executions (n8n stores it encrypted with the credential). */
export interface IssuedToken extends IDataObject {
	accessToken: string;
	ea: string;
	/** Epoch ms after which the token is renewed before use. */
	renewAfter: number;
}

/**
 * A refusal of the token endpoint, carrying the vendor's code and trace ID (never a secret). The
 * message holds summary and hint together, since n8n's credential test shows only the message.
 */
export class TokenRequestError extends Error {
	constructor(
		readonly summary: string,
		readonly errorCode: number | undefined,
		readonly traceId: string | undefined,
		readonly hint: string,
	) {
		super(`${summary}. ${hint}`);
		this.name = 'TokenRequestError';
	}
}

const inFlight = new Map<string, Promise<IssuedToken>>();

/** True when the stored token is missing or due for renewal. */
export function tokenNeedsRenewal(
	credentials: ICredentialDataDecryptedObject,
	nowMs: number,
): boolean {
	const renewAfter = Number(credentials.renewAfter);
	return !credentials.accessToken || !Number.isFinite(renewAfter) || nowMs >= renewAfter;
}

/** Fetches a token, sharing one call among everyone asking for the same app at the same time. */
export async function requestAccessToken(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<IssuedToken> {
	const key = appKey(credentials);
	let pending = inFlight.get(key);
	if (!pending) {
		pending = callTokenEndpoint(this, credentials).finally(() => inFlight.delete(key));
		inFlight.set(key, pending);
	}
	return await pending;
}

/** The app a token belongs to; hashed so that no secret sits in memory as a map key. */
function appKey(credentials: ICredentialDataDecryptedObject): string {
	const parts = [
		credentials.cloud,
		credentials.customBaseUrl,
		credentials.appId,
		credentials.appSecret,
		credentials.permanentCode,
	];
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

async function callTokenEndpoint(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<IssuedToken> {
	const base = resolveBaseUrl(credentials.cloud, credentials.customBaseUrl);
	if ('problem' in base)
		throw new TokenRequestError(
			base.problem,
			undefined,
			undefined,
			'Fix the Cloud setting of the Fxiaoke credential.',
		);

	let envelope = await postTokenRequest(helper, base.baseUrl, credentials);
	for (const waitMs of RATE_LIMIT_WAITS_MS) {
		if (classifyErrorCode(envelope.errorCode) !== 'rateLimited') break;
		await sleep(waitMs);
		envelope = await postTokenRequest(helper, base.baseUrl, credentials);
	}
	return issuedToken(envelope);
}

/** One call of the token endpoint; its JSON envelope, whatever its errorCode. */
async function postTokenRequest(
	helper: IHttpRequestHelper,
	baseUrl: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject & { errorCode: number }> {
	let response: unknown;
	let unreachable: string | undefined;
	try {
		response = await helper.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/oauth2.0/token`,
			qs: { thirdTraceId: randomUUID() },
			headers: { 'content-type': 'application/json' },
			body: {
				appId: credentials.appId,
				appSecret: credentials.appSecret,
				permanentCode: credentials.permanentCode,
				grantType: 'app_secret',
			},
			json: true,
			timeout: 30_000,
		});
	} catch (error) {
		// Only the message is kept: the request error would carry the app secret in its body.
		unreachable = (error as Error).message;
	}
	if (unreachable !== undefined) {
		throw new TokenRequestError(
			`Could not reach the Fxiaoke token endpoint at ${baseUrl}`,
			undefined,
			undefined,
			`Reason: ${unreachable}. Check the Cloud setting of the Fxiaoke credential and that this n8n can reach the host.`,
		);
	}

	const envelope = (
		typeof response === 'object' && response !== null ? response : {}
	) as IDataObject;
	if (typeof envelope.errorCode !== 'number') {
		throw new TokenRequestError(
			`The host ${baseUrl} did not answer like the Fxiaoke Open API (no JSON errorCode in the token response)`,
			undefined,
			undefined,
			'Check the Cloud setting: use the Open API host (for example open.fxiaoke.com), not the web site www.fxiaoke.com.',
		);
	}
	return envelope as IDataObject & { errorCode: number };
}

/** The token of a successful answer, or the vendor's refusal as a TokenRequestError. */
function issuedToken(envelope: IDataObject & { errorCode: number }): IssuedToken {
	const traceId = typeof envelope.traceId === 'string' ? envelope.traceId : undefined;
	if (
		envelope.errorCode !== 0 ||
		typeof envelope.accessToken !== 'string' ||
		typeof envelope.ea !== 'string'
	) {
		const code = envelope.errorCode;
		const hint =
			classifyErrorCode(code) === 'rateLimited'
				? 'The token endpoint allows 10 calls a minute and none at the same time, and it still refused after a minute of waiting. If other programs or n8n instances use the same Fxiaoke app, they compete for these calls; run the workflow again later.'
				: hintFor(code);
		throw new TokenRequestError(
			`Fxiaoke refused the access token request: ${String(envelope.errorMessage ?? 'no message')} (errorCode ${code})`,
			code,
			traceId,
			hint,
		);
	}
	const expiresInS = Number(envelope.expiresIn) > 0 ? Number(envelope.expiresIn) : 7200;
	return {
		accessToken: envelope.accessToken,
		ea: envelope.ea,
		renewAfter: Date.now() + Math.max(expiresInS - RENEWAL_WINDOW_S, expiresInS / 2) * 1000,
	};
}
