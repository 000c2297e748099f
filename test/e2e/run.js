#!/usr/bin/env node
'use strict';
/**
 * End-to-end suite: the packed package inside a real n8n 2.41.1 (Node 24), against the Fxiaoke
 * API simulator, every result asserted on what the simulator received.
 *
 *   npm run test:e2e            all checks, the editor in Chromium included
 *   E2E_SKIP_UI=1 npm run ...   without the browser
 *
 * Prints a PASS/FAIL line per check and ends with `N passed, M failed`. Logs and screenshots go
 * to .e2e-out/.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { startSimulator, SANDBOX_TENANT } = require('../simulator/server');
const n8n = require('../../tools/n8n-runtime/n8n');
const fixtures = require('./fixtures');

const OUT = path.join(n8n.REPO, '.e2e-out');
const CREATE = '/cgi/crm/v2/data/create';
const TOKEN = '/oauth2.0/token';
const OWNER = { email: 'e2e@fxiaoke-n8n.local', password: 'E2e-Passw0rd', firstName: 'E2E', lastName: 'Owner' };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const results = [];

async function check(name, body) {
	const started = Date.now();
	try {
		await body();
		results.push(true);
		console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	} catch (error) {
		results.push(false);
		console.log(`FAIL ${name}: ${error.stack || error}`);
	}
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

// A cancelled CI job signals this process: stop n8n and its task runner before going.
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		console.log(`FAIL e2e harness: stopped by ${signal}`);
		n8n.stopAll().finally(() => process.exit(130));
	});
}

async function main() {
	fs.rmSync(OUT, { recursive: true, force: true });
	fs.mkdirSync(OUT, { recursive: true });
	const runtime = n8n.installRuntime();
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fxiaoke-e2e-'));
	let sim;
	try {
		// Inside the try: a failed build must not leave the simulator holding the process open.
		sim = await startSimulator({ port: 0 });
		const userFolder = path.join(work, 'home');
		n8n.installPackage(userFolder);
		const env = n8n.n8nEnv(runtime, userFolder, { port: await freePort(), brokerPort: await freePort() });
		const ctx = { runtime, env, sim, work, userFolder };

		await check('headless: a Manual Trigger workflow creates one opportunity per item, exact body and headers', () => headlessCreate(ctx));
		await check('credential: encrypted by n8n, token reused across executions, refreshed once after expiry', () => tokenAcrossExecutions(ctx));
		await check('credential: a wrong app secret fails the execution with the vendor code', () => wrongSecret(ctx));
		await check('Continue On Fail: the invalid item becomes an error item, the rest are created', () => continueOnFail(ctx));
		await check('server: a webhook receiving a form post creates the opportunity and answers its dataId', () => webhook(ctx));
		await check('credential test: good values pass; a wrong secret, permanent code, employee ID or host give code and hint', () => credentialTest(ctx));
		if (process.env.E2E_SKIP_UI) {
			console.log('SKIP editor in a browser (E2E_SKIP_UI is set)');
		} else {
			await check('editor: panel, credential test and "Execute workflow" in Chromium', () => editor(ctx));
		}
	} finally {
		await n8n.stopAll();
		await sim?.stop();
		fs.rmSync(work, { recursive: true, force: true });
	}
	const passed = results.filter(Boolean).length;
	console.log(`${passed} passed, ${results.length - passed} failed`);
	process.exitCode = passed === results.length ? 0 : 1;
}

// ---- helpers ---------------------------------------------------------------------------------

async function importInto(ctx, kind, data) {
	const file = path.join(ctx.work, `${kind}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
	fs.writeFileSync(file, JSON.stringify(data));
	const result = await n8n.n8nCli(ctx.runtime, ctx.env, [`import:${kind}`, `--input=${file}`]);
	assert.equal(result.code, 0, `import:${kind} failed:\n${result.stdout}\n${result.stderr}`);
}

/** `n8n execute --id` → { code, run (parsed JSON or undefined), text }. */
async function execute(ctx, workflowId) {
	const result = await n8n.n8nCli(ctx.runtime, ctx.env, ['execute', `--id=${workflowId}`, '--rawOutput'], { logLevel: 'info' });
	const text = `${result.stdout}\n${result.stderr}`;
	fs.appendFileSync(path.join(OUT, 'execute.log'), `\n### execute ${workflowId} (exit ${result.code})\n${text}`);
	let run;
	try {
		run = n8n.parseExecuteOutput(result.stdout);
	} catch {
		run = undefined;
	}
	return { code: result.code, run, text };
}

/** The output items (json) of one node in a parsed execution. */
function nodeOutput(run, nodeName, output = 0) {
	const runData = run?.data?.resultData?.runData ?? run?.resultData?.runData;
	const task = runData?.[nodeName]?.[0];
	assert.ok(task, `no run data for node "${nodeName}" in ${JSON.stringify(run).slice(0, 500)}`);
	return (task.data?.main?.[output] ?? []).map((item) => item.json);
}

const created = (sim) => sim.recordsOf('NewOpportunityObj');

// ---- checks ----------------------------------------------------------------------------------

async function headlessCreate(ctx) {
	const { sim } = ctx;
	await importInto(ctx, 'credentials', [fixtures.sandboxCredential(sim.url)]);
	await importInto(ctx, 'workflow', fixtures.exampleWorkflow());
	const { code, run, text } = await execute(ctx, fixtures.EXAMPLE_ID);
	assert.equal(code, 0, `execute failed:\n${text.slice(-3000)}`);

	const deals = fixtures.exampleDeals();
	const creates = sim.requestsTo(CREATE);
	assert.equal(creates.length, deals.length);
	const [token] = sim.requestsTo(TOKEN);
	assert.equal(sim.tokenCalls, 1);
	assert.deepEqual(token.body, { appId: SANDBOX_TENANT.appId, appSecret: SANDBOX_TENANT.appSecret, permanentCode: SANDBOX_TENANT.permanentCode, grantType: 'app_secret' });
	const issued = token.response.body;
	creates.forEach((request, index) => {
		assert.deepEqual(request.body, fixtures.expectedExampleBody(deals[index]));
		assert.equal(request.headers.authorization, `Bearer ${issued.accessToken}`);
		assert.equal(request.headers['x-fs-ea'], issued.ea);
		assert.equal(request.headers['x-fs-userid'], '1000');
		assert.match(request.headers['content-type'], /^application\/json/);
		assert.match(request.query.thirdTraceId, UUID_V4);
	});
	assert.equal(new Set(creates.map((r) => r.query.thirdTraceId)).size, creates.length);

	const output = nodeOutput(run, fixtures.FXIAOKE_NODE);
	assert.deepEqual(
		output.map((json) => json.dataId),
		created(sim).map((r) => r.record._id),
	);
	assert.deepEqual(output.map((json) => json.objectApiName), deals.map(() => 'NewOpportunityObj'));
}

async function tokenAcrossExecutions(ctx) {
	const { sim } = ctx;
	const before = created(sim).length;
	assert.equal(sim.tokenCalls, 1, 'the previous check should have left one token call');
	// The credential n8n stored is encrypted: the secret is not in its database as plain text.
	const database = fs.readFileSync(path.join(ctx.userFolder, '.n8n/database.sqlite'));
	assert.equal(database.includes(Buffer.from(SANDBOX_TENANT.appSecret)), false, 'app secret stored in plain text');

	let result = await execute(ctx, fixtures.EXAMPLE_ID);
	assert.equal(result.code, 0, result.text.slice(-3000));
	assert.equal(sim.tokenCalls, 1, 'a second execution must reuse the stored token');

	sim.expireTokens();
	result = await execute(ctx, fixtures.EXAMPLE_ID);
	assert.equal(result.code, 0, result.text.slice(-3000));
	assert.equal(sim.tokenCalls, 2, 'exactly one refresh after expiry');
	const refused = sim.requestsTo(CREATE).filter((r) => r.response.body.errorCode === 20016);
	assert.equal(refused.length, 1, 'one call meets the dead token, then the new one serves the rest');
	assert.equal(created(sim).length, before + 2 * fixtures.exampleDeals().length);
}

async function wrongSecret(ctx) {
	const { sim } = ctx;
	const createsBefore = sim.requestsTo(CREATE).length;
	await importInto(ctx, 'credentials', [fixtures.sandboxCredential(sim.url, { id: fixtures.WRONG_CREDENTIAL_ID, name: 'Fxiaoke wrong secret', appSecret: 'not-the-secret' })]);
	await importInto(ctx, 'workflow', fixtures.exampleWorkflow({ id: fixtures.WRONG_SECRET_WORKFLOW_ID, credentialId: fixtures.WRONG_CREDENTIAL_ID }));
	const { code, text } = await execute(ctx, fixtures.WRONG_SECRET_WORKFLOW_ID);
	assert.notEqual(code, 0, 'the execution must fail');
	assert.match(text, /errorCode 20006/);
	assert.equal(text.includes('not-the-secret'), false, 'the secret must not be printed');
	assert.equal(sim.requestsTo(CREATE).length, createsBefore, 'nothing may be created');
}

async function continueOnFail(ctx) {
	const { sim } = ctx;
	const before = created(sim).length;
	const deals = [{ deal: 'Valid one' }, { deal: '' }, { deal: 'Valid two' }];
	await importInto(ctx, 'workflow', fixtures.dealsWorkflow({ id: fixtures.CONTINUE_ID, deals, onError: 'continueRegularOutput' }));
	const { code, run, text } = await execute(ctx, fixtures.CONTINUE_ID);
	assert.equal(code, 0, text.slice(-3000));
	const output = nodeOutput(run, fixtures.FXIAOKE_NODE);
	assert.equal(output.length, 3);
	assert.match(output[1].error, /^Opportunity Name: is empty \(item 1\)$/);
	const newRecords = created(sim).slice(before);
	assert.deepEqual(newRecords.map((r) => r.record.name), ['Valid one', 'Valid two']);
	assert.deepEqual([output[0].dataId, output[2].dataId], newRecords.map((r) => r.record._id));
}

async function webhook(ctx) {
	const { sim } = ctx;
	await importInto(ctx, 'workflow', fixtures.webhookWorkflow());
	const published = await n8n.n8nCli(ctx.runtime, ctx.env, ['publish:workflow', `--id=${fixtures.WEBHOOK_ID}`]);
	assert.equal(published.code, 0, `publish failed:\n${published.stdout}\n${published.stderr}`);
	const server = await n8n.startN8n(ctx.runtime, ctx.env, path.join(OUT, 'n8n-server.log'));
	ctx.server = server;
	ctx.cookie = await n8n.setUpOwner(server.url, OWNER);

	const form = new URLSearchParams({ company: 'Umbrella Ltd', product: 'CRM seats', budget: '45000.00' });
	let response;
	for (let attempt = 0; attempt < 40; attempt++) {
		response = await fetch(`${server.url}/webhook/${fixtures.WEBHOOK_PATH}`, { method: 'POST', body: form });
		if (response.status !== 404) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const text = await response.text();
	assert.equal(response.status, 200, text);
	const answer = JSON.parse(text);
	const record = created(sim).at(-1);
	assert.equal(record.record.name, 'Umbrella Ltd – CRM seats');
	assert.equal(record.record.amount, '45000.00');
	assert.equal(answer.dataId, record.record._id);
}

/** n8n's own credential test (what the editor's Save/Retry calls) for good and bad values. */
async function credentialTest(ctx) {
	assert.ok(ctx.server, 'the server check must run first');
	const test = async (overrides) => {
		const { data, ...credential } = fixtures.sandboxCredential(ctx.sim.url);
		const response = await fetch(`${ctx.server.url}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: ctx.cookie },
			body: JSON.stringify({ credentials: { ...credential, data: { ...data, ...overrides } } }),
		});
		assert.equal(response.status, 200, await response.clone().text());
		return (await response.json()).data;
	};
	assert.deepEqual(await test({}), { status: 'OK', message: 'Connection successful!' });
	const cases = [
		[{ appSecret: 'not-the-secret' }, /errorCode 20006\)\. The App ID or App Secret is wrong/],
		[{ permanentCode: 'not-the-code' }, /errorCode 20015\)\. The Permanent Code is wrong/],
		[{ employeeId: '4242' }, /^Fxiaoke errorCode 30027: The Employee ID in the credential does not exist/],
		[{ customBaseUrl: `${ctx.sim.url}/marketing` }, /did not answer like the Fxiaoke Open API.*not the web site www\.fxiaoke\.com/],
	];
	for (const [overrides, message] of cases) {
		const result = await test(overrides);
		assert.equal(result.status, 'Error', JSON.stringify(result));
		assert.match(result.message, message);
		for (const secret of [SANDBOX_TENANT.appSecret, SANDBOX_TENANT.permanentCode, 'not-the-secret', 'not-the-code']) {
			assert.equal(result.message.includes(secret), false, 'a secret in the test message');
		}
	}
}

async function editor(ctx) {
	assert.ok(ctx.server, 'the server check must run first');
	const { runEditorCheck } = require('./editor');
	await runEditorCheck({ runtime: ctx.runtime, url: ctx.server.url, owner: OWNER, sim: ctx.sim, outDir: OUT, workflowId: fixtures.EXAMPLE_ID, credentialId: fixtures.SANDBOX_CREDENTIAL_ID });
}

main().catch(async (error) => {
	console.log(`FAIL e2e harness: ${error.stack || error}`);
	await n8n.stopAll();
	const passed = results.filter(Boolean).length;
	console.log(`${passed} passed, ${results.length - passed + 1} failed`);
	process.exitCode = 1;
});
