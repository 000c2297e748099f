/**
 * Where a credential's calls go. The six public Open API hosts come from the "Cloud domain" page
 * as transcribed in shared/reference/fxiaoke-api.md §1.5 (the official page itself could not be
 * read). `www.fxiaoke.com` is deliberately absent: it is the web site, not the API, and answers API
 * calls with a redirect to an HTML page.
 */
export const CLOUD_HOSTS = [
	{ name: 'Fxiaoke Cloud (Mainland China, Default)', value: 'open.fxiaoke.com' },
	{ name: 'Huawei Cloud', value: 'open-hwcloud.fxiaoke.com' },
	{ name: 'Alibaba Cloud', value: 'open-ale.fxiaoke.com' },
	{ name: 'Frankfurt', value: 'open-hws.fxiaoke.com' },
	{ name: 'Hong Kong (Huawei)', value: 'open-ksc.sharecrm.com' },
	{ name: 'North America', value: 'open-na.sharecrm.com' },
] as const;

export const CUSTOM_CLOUD = 'custom';

/** The base URL of the API, or a sentence saying what is wrong with the custom one. */
export function resolveBaseUrl(
	cloud: unknown,
	customBaseUrl: unknown,
): { baseUrl: string } | { problem: string } {
	if (cloud !== CUSTOM_CLOUD) {
		const host = CLOUD_HOSTS.find((c) => c.value === cloud);
		if (!host)
			return {
				problem: `Unknown Cloud "${String(cloud)}". Pick one of the listed clouds or Custom.`,
			};
		return { baseUrl: `https://${host.value}` };
	}
	const text = typeof customBaseUrl === 'string' ? customBaseUrl.trim() : '';
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return {
			problem: `The custom Base URL "${withoutLogin(text)}" is not a URL. Write it like https://open.fxiaoke.com.`,
		};
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return {
			problem: `The custom Base URL must start with https:// (got "${withoutLogin(text)}").`,
		};
	}
	if (url.search || url.hash || url.username || url.password) {
		// Only origin and path are repeated: a login or query may hold a password or token.
		return {
			problem: `The custom Base URL must not carry a query, fragment or login: use ${url.origin}${url.pathname}`,
		};
	}
	return { baseUrl: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

/** The text with any "user:password@" in front of the host masked, for messages. */
function withoutLogin(text: string): string {
	return text.replace(/\/\/[^/]*@/, '//…@');
}
