#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: creates N opportunities (default 5,000) in one execution of the node inside
 * n8n-core's engine against the simulator, and, side by side in the same run, the same N creates
 * as plain HTTP posts (the floor: simulator + loopback only). Prints figures; asserts nothing
 * about speed.
 *
 *   BENCH_ITEMS=5000 npm run bench
 */
const fs = require('node:fs');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const ts = require('typescript');

// Load the TypeScript harness directly (transpile on require), as ts-jest does for the tests.
// `.ts` goes before `.json` in the lookup order, so that `./Fxiaoke.node` finds Fxiaoke.node.ts
// and not the codex file Fxiaoke.node.json next to it.
const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, esModuleInterop: true };
const loadJson = require.extensions['.json'];
delete require.extensions['.json'];
require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
	module._compile(outputText, filename);
};
require.extensions['.json'] = loadJson;

const { startSimulator } = require('../test/simulator/server');
const { CredentialStore, runNode, sandboxCredentials } = require(path.join(__dirname, '../test/harness/n8nHarness.ts'));

const ITEMS = Number(process.env.BENCH_ITEMS || 5000);
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function plainPosts(sim, token) {
	const started = process.hrtime.bigint();
	for (let i = 0; i < ITEMS; i++) {
		const response = await fetch(`${sim.url}/cgi/crm/v2/data/create?thirdTraceId=${randomUUID()}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token.accessToken}`, 'x-fs-ea': token.ea, 'x-fs-userid': '1000' },
			body: JSON.stringify({ triggerApprovalFlow: true, triggerWorkFlow: true, hasSpecifyTime: false, hasSpecifyCreatedBy: false, includeDetailIds: false, data: { object_data: { dataObjectApiName: 'OpportunityObj', object_describe_api_name: 'OpportunityObj', name: `Plain ${i}` } } }),
		});
		const body = await response.json();
		if (body.errorCode !== 0) throw new Error(`plain post ${i} failed: ${JSON.stringify(body)}`);
	}
	return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main() {
	// Without the per-interface limit (100 calls per 20 s): this measures the node's own cost, not
	// Fxiaoke's pacing, under which 5,000 creates take at least 1,000 s whatever the client.
	const sim = await startSimulator({ port: 0, tokenLatencyMs: 0, interfaceLimit: null });
	const store = new CredentialStore(sandboxCredentials(sim.url));
	const items = Array.from({ length: ITEMS }, (_, i) => ({ name: `Deal ${i + 1}`, amount: String(1000 + i) }));
	const parameters = {
		resource: 'opportunity',
		operation: 'create',
		objectApiName: 'OpportunityObj',
		opportunityName: '={{ $json.name }}',
		fields: { field: [{ name: 'expected_deal_amount', value: '={{ $json.amount }}' }] },
	};

	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const started = process.hrtime.bigint();
	const result = await runNode({ parameters, items, store });
	const nodeMs = Number(process.hrtime.bigint() - started) / 1e6;
	const heapAfter = process.memoryUsage().heapUsed;
	if (result.error) throw new Error(`the node failed: ${result.error.message}`);

	const outputs = result.outputs[0].length;
	const created = sim.recordsOf('OpportunityObj').length;
	const tokenCalls = sim.tokenCalls;
	const createRequests = sim.requestsTo('/cgi/crm/v2/data/create').length;
	const token = store.saved[Object.keys(store.saved)[0]];
	const plainMs = await plainPosts(sim, token);
	await sim.stop();

	console.log(`items                     ${ITEMS}`);
	console.log(`output items              ${outputs}`);
	console.log(`records created           ${created}`);
	console.log(`create requests           ${createRequests}`);
	console.log(`token calls               ${tokenCalls}`);
	console.log(`node in n8n engine        ${(nodeMs / 1000).toFixed(2)} s  (${(nodeMs / ITEMS).toFixed(2)} ms/item)`);
	console.log(`plain HTTP posts          ${(plainMs / 1000).toFixed(2)} s  (${(plainMs / ITEMS).toFixed(2)} ms/item)`);
	console.log(`ratio node / plain        ${(nodeMs / plainMs).toFixed(2)}`);
	console.log(`heap growth during run    ${mib(heapAfter - heapBefore)} (simulator's request log included)`);
	console.log(`rss at end                ${mib(process.memoryUsage().rss)}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
