import { randomUUID } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { CLOUD_HOSTS, CUSTOM_CLOUD, resolveBaseUrl } from '../nodes/Fxiaoke/transport/cloud';
import { documentedErrorCodes, hintFor } from '../nodes/Fxiaoke/transport/errors';
import { requestAccessToken } from '../nodes/Fxiaoke/transport/token';

/**
 * Fxiaoke Open API, header style (shared/reference/fxiaoke-api.md §1.2, §2.1): the app's ID,
 * secret and permanent code buy a two-hour access token; every business call then carries
 * `authorization: Bearer <token>`, `x-fs-ea`, `x-fs-userid` and a fresh `thirdTraceId`.
 *
 * The token, the enterprise account and the renewal time are kept in hidden fields. n8n fills them
 * through `preAuthentication` whenever the token field is empty and stores them with the
 * credential, so one token serves every item and every execution until it is due for renewal.
 */
export class FxiaokeApi implements ICredentialType {
	name = 'fxiaokeApi';

	displayName = 'Fxiaoke CRM API';

	icon: Icon = {
		light: 'file:../nodes/Fxiaoke/fxiaoke.svg',
		dark: 'file:../nodes/Fxiaoke/fxiaoke.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-fxiaoke/n8n-nodes-fxiaoke#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Cloud',
			name: 'cloud',
			type: 'options',
			options: [
				...CLOUD_HOSTS.map((host) => ({ name: `${host.name}: ${host.value}`, value: host.value })),
				{ name: 'Custom Base URL', value: CUSTOM_CLOUD },
			],
			default: 'open.fxiaoke.com',
			description:
				'The Open API host of the cloud your tenant lives in: the one whose web login you use, with "open-" in front. Not www.fxiaoke.com, which is the web site.',
		},
		{
			displayName: 'Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://open.fxiaoke.com',
			description:
				"For a private deployment or the project's API simulator: the URL in front of /oauth2.0/token and /cgi/…",
			displayOptions: { show: { cloud: [CUSTOM_CLOUD] } },
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'FSAID_…',
			description:
				'Admin console → App Management → your self-built app → App ID (starts with FSAID_)',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Shown next to the App ID of the self-built app (developer mode must be on)',
		},
		{
			displayName: 'Permanent Code',
			name: 'permanentCode',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The permanent authorization code shown with the app's credentials in the admin console",
		},
		{
			displayName: 'Employee ID',
			name: 'employeeId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '1000',
			description:
				'Sent as x-fs-userid: every call runs as this employee, with their CRM role and data permissions, and records are created in their name. In the CRM app search "Personnel", click the person\'s system name and copy "Employee ID". A CRM administrator sees all data.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Enterprise Account',
			name: 'ea',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Renew After',
			name: 'renewAfter',
			type: 'hidden',
			default: 0,
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		return await requestAccessToken.call(this, credentials);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const base = resolveBaseUrl(credentials.cloud, credentials.customBaseUrl);
		return {
			...requestOptions,
			baseURL: requestOptions.baseURL || ('baseUrl' in base ? base.baseUrl : undefined),
			// A new trace ID for every request, a resend after a token refresh included.
			qs: { ...requestOptions.qs, thirdTraceId: randomUUID() },
			headers: {
				...requestOptions.headers,
				'content-type': 'application/json',
				authorization: `Bearer ${String(credentials.accessToken)}`,
				'x-fs-ea': String(credentials.ea),
				'x-fs-userid': String(credentials.employeeId).trim(),
			},
		};
	}

	/**
	 * The token call checks App ID, App Secret, Permanent Code and the host; one read-only call to
	 * the object list checks the token, the enterprise account and the Employee ID. Fxiaoke answers
	 * failures with HTTP 200 and n8n's test rules can only match listed values, so every
	 * documented error code gets a rule with its hint. An undocumented code would pass the test.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '/cgi/crm/v2/object/list',
			body: { includeNull: false },
		},
		rules: documentedErrorCodes().map((code) => ({
			type: 'responseSuccessBody' as const,
			properties: {
				key: 'errorCode',
				value: code,
				message: `Fxiaoke errorCode ${code}: ${hintFor(code)}`,
			},
		})),
	};
}
