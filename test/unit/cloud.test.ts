import { CLOUD_HOSTS, CUSTOM_CLOUD, resolveBaseUrl } from '../../nodes/Fxiaoke/transport/cloud';

function problemOf(result: ReturnType<typeof resolveBaseUrl>): string {
	if (!('problem' in result)) throw new Error(`expected a problem, got ${JSON.stringify(result)}`);
	return result.problem;
}

describe('resolveBaseUrl', () => {
	describe('listed clouds', () => {
		it.each([
			['open.fxiaoke.com'],
			['open-hwcloud.fxiaoke.com'],
			['open-ale.fxiaoke.com'],
			['open-hws.fxiaoke.com'],
			['open-ksc.sharecrm.com'],
			['open-na.sharecrm.com'],
		])('resolves %s to its https URL', (host) => {
			expect(resolveBaseUrl(host, undefined)).toEqual({ baseUrl: `https://${host}` });
		});

		it('resolves every cloud offered in the list', () => {
			expect(CLOUD_HOSTS.length).toBeGreaterThan(0);
			for (const cloud of CLOUD_HOSTS) {
				expect(resolveBaseUrl(cloud.value, '')).toEqual({ baseUrl: `https://${cloud.value}` });
			}
		});

		it('does not offer the web site www.fxiaoke.com', () => {
			expect(CLOUD_HOSTS.map((cloud) => cloud.value)).not.toContain('www.fxiaoke.com');
		});

		it('ignores the custom Base URL for a listed cloud', () => {
			expect(resolveBaseUrl('open-na.sharecrm.com', 'http://127.0.0.1:18080')).toEqual({
				baseUrl: 'https://open-na.sharecrm.com',
			});
		});

		it.each([['www.fxiaoke.com'], ['mars'], [''], [undefined], [42]])(
			'reports the unknown cloud %j as a problem',
			(cloud) => {
				const problem = problemOf(resolveBaseUrl(cloud, 'https://open.fxiaoke.com'));

				expect(problem).toContain(`Unknown Cloud "${String(cloud)}"`);
				expect(problem).toMatch(/listed clouds or Custom/);
			},
		);
	});

	describe('custom cloud', () => {
		it.each([
			['https://open.fxiaoke.com', 'https://open.fxiaoke.com'],
			['https://open.fxiaoke.com/', 'https://open.fxiaoke.com'],
			['https://open.fxiaoke.com///', 'https://open.fxiaoke.com'],
			['http://127.0.0.1:18080/fx/', 'http://127.0.0.1:18080/fx'],
			['http://127.0.0.1:18080/fx//', 'http://127.0.0.1:18080/fx'],
			['https://gateway.example.com/a/b', 'https://gateway.example.com/a/b'],
			['  https://open.fxiaoke.com/  ', 'https://open.fxiaoke.com'],
			['\thttp://localhost:8080\n', 'http://localhost:8080'],
		])('resolves %j to %s', (customBaseUrl, baseUrl) => {
			expect(resolveBaseUrl(CUSTOM_CLOUD, customBaseUrl)).toEqual({ baseUrl });
		});

		it.each([[''], ['   '], ['not a url'], ['open.fxiaoke.com'], [undefined], [42]])(
			'reports %j as not a URL',
			(customBaseUrl) => {
				expect(problemOf(resolveBaseUrl(CUSTOM_CLOUD, customBaseUrl))).toMatch(/is not a URL/);
			},
		);

		it.each([['ftp://x'], ['file:///etc'], ['ws://open.fxiaoke.com']])(
			'reports the non-http scheme of %s',
			(customBaseUrl) => {
				const problem = problemOf(resolveBaseUrl(CUSTOM_CLOUD, customBaseUrl));

				expect(problem).toMatch(/must start with https:\/\//);
				expect(problem).toContain(customBaseUrl);
			},
		);

		it.each([
			['a query', 'https://open.fxiaoke.com/?token=s3cret', 's3cret'],
			['a fragment', 'https://open.fxiaoke.com/#s3cret', 's3cret'],
			['a login', 'https://user:s3cret@open.fxiaoke.com', 's3cret'],
			['a user name only', 'https://s3cret@open.fxiaoke.com', 's3cret'],
		])(
			'reports a URL with %s, repeating only its origin and path',
			(_label, customBaseUrl, secret) => {
				const problem = problemOf(resolveBaseUrl(CUSTOM_CLOUD, customBaseUrl));

				expect(problem).toMatch(
					/must not carry a query, fragment or login: use https:\/\/open\.fxiaoke\.com\/$/,
				);
				expect(problem).not.toContain(secret);
			},
		);

		it.each([['https://user:s3cret@open fxiaoke.com'], ['ftp://user:s3cret@host']])(
			'masks the login of %s in the message',
			(customBaseUrl) => {
				const problem = problemOf(resolveBaseUrl(CUSTOM_CLOUD, customBaseUrl));

				expect(problem).toContain('//…@');
				expect(problem).not.toContain('s3cret');
			},
		);
	});
});
