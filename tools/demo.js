#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: the Fxiaoke API simulator (a sandbox tenant with three accounts), a real n8n
 * with this package installed, the sandbox credential and the example workflow imported. Runs the
 * example once, prints the created opportunities' dataIds, then leaves n8n running at
 * http://127.0.0.1:5678 until Ctrl-C stops everything.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('./n8n-runtime/n8n');
const { startSimulator } = require('../test/simulator/server');
const fixtures = require('../test/e2e/fixtures');

const N8N_PORT = 5678;
const BROKER_PORT = 5679; // n8n's task broker
const SIMULATOR_PORT = 18080;
const LOGIN = { email: 'demo@fxiaoke-n8n.local', password: 'Demo-Passw0rd', firstName: 'Demo', lastName: 'User' };

function say(text) {
	console.log(`[demo] ${text}`);
}

async function main() {
	// n8n's port and its task broker's, before anything else: another n8n may hold them.
	for (const port of [N8N_PORT, BROKER_PORT]) await n8n.assertPortFree(port);
	const runtime = n8n.installRuntime();
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fxiaoke-demo-'));
	const userFolder = path.join(work, 'home');
	let sim;
	const stop = async () => {
		await n8n.stopAll();
		if (sim) await sim.stop();
		fs.rmSync(work, { recursive: true, force: true });
		say('stopped n8n and the simulator');
	};
	process.on('SIGINT', () => stop().then(() => process.exit(0)));
	process.on('SIGTERM', () => stop().then(() => process.exit(0)));

	try {
		sim = await startSimulator({ port: SIMULATOR_PORT });
	} catch (error) {
		throw new Error(`cannot start the simulator on 127.0.0.1:${SIMULATOR_PORT} (${error.message}); is another demo running?`);
	}
	say(`Fxiaoke API simulator on ${sim.url}`);
	say('building and installing n8n-nodes-fxiaoke into a fresh n8n user folder');
	n8n.installPackage(userFolder);
	const env = n8n.n8nEnv(runtime, userFolder, { port: N8N_PORT, brokerPort: BROKER_PORT });

	for (const [kind, data] of [
		['credentials', [fixtures.sandboxCredential(sim.url)]],
		['workflow', fixtures.exampleWorkflow()],
	]) {
		const file = path.join(work, `${kind}.json`);
		fs.writeFileSync(file, JSON.stringify(data));
		const result = await n8n.n8nCli(runtime, env, [`import:${kind}`, `--input=${file}`]);
		if (result.code !== 0) throw new Error(`n8n import:${kind} failed:\n${result.stderr}`);
	}

	say('running the example workflow once: n8n execute');
	const result = await n8n.n8nCli(runtime, env, ['execute', `--id=${fixtures.EXAMPLE_ID}`, '--rawOutput'], { logLevel: 'info' });
	if (result.code !== 0) throw new Error(`the example workflow failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
	const run = n8n.parseExecuteOutput(result.stdout);
	const items = run.data.resultData.runData[fixtures.FXIAOKE_NODE][0].data.main[0];
	for (const { json } of items) say(`created ${json.objectApiName} dataId=${json.dataId}`);

	say(`starting n8n on http://127.0.0.1:${N8N_PORT}`);
	const server = await n8n.startN8n(runtime, env, path.join(work, 'n8n.log'));
	await n8n.setUpOwner(server.url, LOGIN);

	say('');
	say(`n8n is running: ${server.url}/workflow/${fixtures.EXAMPLE_ID}`);
	say(`sign in with ${LOGIN.email} / ${LOGIN.password}`);
	say(`the simulator's record of requests: ${sim.url}/__sim/requests`);
	say('press Ctrl-C to stop n8n and the simulator');
}

main().catch(async (error) => {
	console.error(`[demo] ${error.message}`);
	await n8n.stopAll();
	process.exit(1);
});
