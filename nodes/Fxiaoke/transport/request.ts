import { randomUUID } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { resolveBaseUrl } from './cloud';
import { classifyErrorCode, hintFor } from './errors';
import { TokenRequestError, tokenNeedsRenewal } from './token';

export const CREDENTIAL_TYPE = 'fxiaokeApi';

const TIMEOUT_MS = 30_000;

/** Waits before each resend of a call refused for frequency (the limit is 100 calls per 20 s). */
const RATE_LIMIT_WAITS_MS = [1_000, 2_000, 4_000, 8_000, 10_000];

/** The JSON envelope every Fxiaoke answer has. */
export interface FxiaokeEnvelope extends IDataObject {
	errorCode: number;
	errorMessage?: string;
	errorDescription?: string;
	traceId?: string;
}

/**
 * POSTs one call to the Fxiaoke Open API and returns its envelope when errorCode is 0. This is the
 * only place that sends business calls.
 *
 * Resends happen only where Fxiaoke proves it did not carry the call out: once after a dead-token
 * code (with a new token), and after rate-limit codes (with a pause). A timeout or a dropped
 * connection is never resent: a create may have gone through, and a resend would duplicate it.
 */
export async function fxiaokeApiRequest(
	this: IExecuteFunctions,
	path: string,
	body: IDataObject,
	itemIndex: number,
): Promise<FxiaokeEnvelope> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const base = resolveBaseUrl(credentials.cloud, credentials.customBaseUrl);
	if ('problem' in base) {
		throw new NodeOperationError(this.getNode(), base.problem, {
			itemIndex,
			description: 'Open the Fxiaoke CRM API credential and fix the Cloud / Base URL setting.',
		});
	}

	let renewToken = tokenNeedsRenewal(credentials, Date.now());
	let tokenRenewedAfterRefusal = false;
	let rateLimitWaits = 0;
	for (;;) {
		const envelope = await send.call(
			this,
			`${base.baseUrl}${path}`,
			body,
			credentials,
			renewToken,
			itemIndex,
		);
		if (envelope.errorCode === 0) return envelope;

		const errorClass = classifyErrorCode(envelope.errorCode);
		if (errorClass === 'token' && !tokenRenewedAfterRefusal) {
			tokenRenewedAfterRefusal = true;
			renewToken = true;
			continue;
		}
		if (errorClass === 'rateLimited' && rateLimitWaits < RATE_LIMIT_WAITS_MS.length) {
			await sleep(RATE_LIMIT_WAITS_MS[rateLimitWaits++]);
			renewToken = false;
			continue;
		}
		throw vendorError(
			this.getNode(),
			envelope,
			itemIndex,
			tokenRenewedAfterRefusal && errorClass === 'token',
		);
	}
}

async function send(
	this: IExecuteFunctions,
	url: string,
	body: IDataObject,
	credentials: ICredentialDataDecryptedObject,
	renewToken: boolean,
	itemIndex: number,
): Promise<FxiaokeEnvelope> {
	const thirdTraceId = randomUUID();
	const options: IHttpRequestOptions = {
		method: 'POST',
		url,
		qs: { thirdTraceId },
		body,
		json: true,
		timeout: TIMEOUT_MS,
		returnFullResponse: true,
		// Fxiaoke reports failures inside HTTP 200; other statuses are read here, not thrown.
		ignoreHttpStatusErrors: true,
	};
	// An empty token field makes n8n run the credential's preAuthentication (a new token, stored
	// with the credential) before this request. See n8n-conventions.md §4.2.
	const renewal = renewToken
		? { credentialsDecrypted: credentialsWithoutToken.call(this, credentials) }
		: undefined;

	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			options,
			renewal,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw transportError(this.getNode(), error as Error, url, thirdTraceId, itemIndex);
	}
	return readEnvelope(this.getNode(), response, url, itemIndex);
}

function credentialsWithoutToken(
	this: IExecuteFunctions,
	credentials: ICredentialDataDecryptedObject,
) {
	const reference = this.getNode().credentials?.[CREDENTIAL_TYPE];
	return {
		id: reference?.id ?? '',
		name: reference?.name ?? '',
		type: CREDENTIAL_TYPE,
		data: { ...credentials, accessToken: '' },
	};
}

function readEnvelope(
	node: INode,
	response: IN8nHttpFullResponse,
	url: string,
	itemIndex: number,
): FxiaokeEnvelope {
	const body = response.body as IDataObject | string | undefined;
	if (typeof body === 'object' && body !== null && typeof body.errorCode === 'number') {
		return body as FxiaokeEnvelope;
	}
	const looksLikeHtml = typeof body === 'string' && /^\s*</.test(body);
	throw new NodeApiError(node, { httpStatus: response.statusCode, url } as JsonObject, {
		message: looksLikeHtml
			? `The host answered with an HTML page instead of the Fxiaoke Open API (HTTP ${response.statusCode})`
			: `The host did not answer like the Fxiaoke Open API (HTTP ${response.statusCode}, no JSON errorCode)`,
		description: `Request: POST ${url}. Check the Cloud setting of the Fxiaoke CRM API credential: it must be the Open API host of your tenant's cloud (for example open.fxiaoke.com), not the web site www.fxiaoke.com. ${UNKNOWN_OUTCOME}`,
		httpCode: String(response.statusCode),
		itemIndex,
	});
}

/** For answers that do not prove a refusal: a proxy may have lost Fxiaoke's answer to a create. */
const UNKNOWN_OUTCOME =
	'It is not known whether Fxiaoke carried the call out, so it was not resent. For a create, look the record up in Fxiaoke before you run this item again.';

function vendorError(
	node: INode,
	envelope: FxiaokeEnvelope,
	itemIndex: number,
	afterTokenRenewal: boolean,
): NodeApiError {
	const { errorCode, traceId } = envelope;
	const vendorMessage = envelope.errorMessage || envelope.errorDescription || 'no message';
	const renewalNote = afterTokenRenewal
		? ' The call was refused again after a new access token was fetched.'
		: '';
	const error = new NodeApiError(node, envelope as unknown as JsonObject, {
		message: `Fxiaoke error ${errorCode}: ${vendorMessage}`,
		description: `${hintFor(errorCode)}${renewalNote} Fxiaoke traceId: ${traceId ?? 'none'}.`,
		httpCode: String(errorCode),
		itemIndex,
	});
	Object.assign(error.context, { errorCode, traceId });
	return error;
}

/** A failure before any Fxiaoke answer: the token call, the network, or a timeout. */
function transportError(
	node: INode,
	error: Error,
	url: string,
	thirdTraceId: string,
	itemIndex: number,
): NodeApiError {
	const token = findCause(error, TokenRequestError);
	if (token) {
		const apiError = new NodeApiError(
			node,
			{ errorCode: token.errorCode ?? null, traceId: token.traceId ?? null },
			{
				message: token.summary,
				description: `${token.hint}${token.traceId ? ` Fxiaoke traceId: ${token.traceId}.` : ''}`,
				itemIndex,
			},
		);
		Object.assign(apiError.context, { errorCode: token.errorCode, traceId: token.traceId });
		return apiError;
	}
	const reason = innermostMessage(error);
	// Only the message is kept: the underlying error carries the request, and so the token.
	// The reason goes to the description: n8n replaces messages naming codes like ECONNREFUSED.
	return new NodeApiError(node, { url, thirdTraceId } as JsonObject, {
		message: `No answer from Fxiaoke for POST ${url}`,
		description: `Reason: ${reason}. ${UNKNOWN_OUTCOME} thirdTraceId: ${thirdTraceId}.`,
		itemIndex,
	});
}

function findCause<T extends Error>(
	error: unknown,
	type: new (...args: never[]) => T,
): T | undefined {
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		if (current instanceof type) return current;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function innermostMessage(error: unknown): string {
	let current = error as { cause?: unknown; message?: string } | undefined;
	while (current?.cause && typeof current.cause === 'object')
		current = current.cause as typeof current;
	return current?.message || 'unknown network error';
}
