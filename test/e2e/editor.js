'use strict';
/**
 * The n8n editor in Debian's Chromium, driven by playwright-core: sign in, open the example
 * workflow, open the Fxiaoke node's panel, test the credential, run the workflow and read the
 * dataIds in the output panel. Screenshots go to outDir.
 * Selectors are the ones n8n 2.41.1 renders (data-test-id attributes where it has them).
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const CHROMIUM = '/usr/bin/chromium';
const NODE_NAME = 'Create opportunity';

async function runEditorCheck({ runtime, url, owner, sim, outDir, workflowId, credentialId }) {
	assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`);
	const { chromium } = require(runtime.playwright);
	// Playwright gives the browser a fresh, empty profile of its own.
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const shot = (page, name) => page.screenshot({ path: path.join(outDir, `${name}.png`) });
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(30_000);

		await page.goto(`${url}/signin`);
		await page.locator('input[type=email]').fill(owner.email);
		await page.locator('input[type=password]').fill(owner.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL((current) => !current.pathname.startsWith('/signin'));

		// The credential test, as the credential modal runs it when the credential is saved.
		const testsBefore = sim.requestsTo('/cgi/crm/v2/object/list').length;
		await page.goto(`${url}/home/credentials/${credentialId}`);
		const modal = page.locator('[data-test-id="editCredential-modal"]');
		await modal.waitFor();
		await shot(page, 'credential-modal');
		// Save (which runs the test) is enabled once something changed: rename the credential.
		await modal.getByText('Fxiaoke sandbox (simulator)', { exact: true }).locator('visible=true').first().click();
		await page.keyboard.press('End');
		await page.keyboard.type(' – tested');
		await page.keyboard.press('Enter');
		await modal.getByRole('button', { name: 'Save' }).click();
		await modal.getByText('Connection tested successfully').waitFor();
		await shot(page, 'credential-test');
		await waitUntil(() => sim.requestsTo('/cgi/crm/v2/object/list').length > testsBefore, 10_000, 'the test call to reach the simulator');
		await page.keyboard.press('Escape');

		await page.goto(`${url}/workflow/${workflowId}`);
		const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: NODE_NAME });
		await node.waitFor();
		await node.dblclick();
		const panel = page.locator('[data-test-id="ndv"]');
		await panel.waitFor();
		for (const label of ['Opportunity Object', 'Opportunity Name', 'Fields Input Mode', 'Details']) {
			await panel.getByText(label, { exact: true }).first().waitFor();
		}
		await shot(page, 'node-panel');
		await page.keyboard.press('Escape');

		const createsBefore = sim.recordsOf('NewOpportunityObj').length;
		await page.locator('[data-test-id="execute-workflow-button"]').click();
		await waitUntil(() => sim.recordsOf('NewOpportunityObj').length >= createsBefore + 3, 30_000, 'the run to create three opportunities');
		const newIds = sim.recordsOf('NewOpportunityObj').slice(createsBefore).map((r) => r.record._id);
		await node.dblclick();
		const output = page.locator('[data-test-id="output-panel"]');
		await output.waitFor();
		for (const id of newIds) await output.getByText(id).first().waitFor();
		await shot(page, 'output-panel');
	} finally {
		await browser.close();
	}
}

async function waitUntil(condition, timeoutMs, what) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`timed out waiting for ${what}`);
}

module.exports = { runEditorCheck };
