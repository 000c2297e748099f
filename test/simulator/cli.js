#!/usr/bin/env node
'use strict';
/**
 * Runs the Fxiaoke API simulator on 127.0.0.1 until SIGINT/SIGTERM.
 *   node test/simulator/cli.js [--port 18080]
 * Prints one JSON line `{"url": …, "tenant": …}` on stdout when it is listening.
 */
const { startSimulator, SANDBOX_TENANT } = require('./server');

const portFlag = process.argv.indexOf('--port');
const port = portFlag === -1 ? 18080 : Number(process.argv[portFlag + 1]);

startSimulator({ port }).then(
	(sim) => {
		process.stdout.write(`${JSON.stringify({ url: sim.url, tenant: SANDBOX_TENANT })}\n`);
		const stop = () => sim.stop().then(() => process.exit(0));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	},
	(error) => {
		process.stderr.write(`simulator: cannot listen on 127.0.0.1:${port}: ${error.message}\n`);
		process.exit(1);
	},
);
