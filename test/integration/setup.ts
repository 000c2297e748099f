import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/server';
import {
	CredentialStore,
	runNode,
	sandboxCredentials,
	type RunOptions,
	type RunResult,
} from '../harness/n8nHarness';

export const CREATE_PATH = '/cgi/crm/v2/data/create';
export const TOKEN_PATH = '/oauth2.0/token';
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Starts one simulator for the file and resets it before each test; returns a live getter. */
export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
	let sim: Simulator | undefined;
	beforeAll(async () => {
		sim = await startSimulator({ tokenLatencyMs: 25, ...options });
	});
	beforeEach(() => sim?.reset());
	afterAll(async () => {
		await sim?.stop();
	});
	return () => {
		if (!sim) throw new Error('simulator not started');
		return sim;
	};
}

/** Opportunity → Create parameters, named as the node names them. */
export function createParameters(overrides: INodeParameters = {}): INodeParameters {
	return {
		resource: 'opportunity',
		operation: 'create',
		objectApiName: 'OpportunityObj',
		opportunityName: '={{ $json.name }}',
		...overrides,
	};
}

/** Runs the node against the simulator with a fresh credential unless a store is given. */
export async function run(
	sim: Simulator,
	items: IDataObject[],
	parameters: INodeParameters,
	options: Partial<Omit<RunOptions, 'items' | 'parameters'>> = {},
): Promise<RunResult> {
	const store = options.store ?? new CredentialStore(sandboxCredentials(sim.url));
	return await runNode({ ...options, store, items, parameters });
}

export function jsonOf(result: RunResult, output = 0): IDataObject[] {
	return (result.outputs[output] ?? []).map((item) => item.json);
}

export function namedItems(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({ name: `Deal ${index + 1}` }));
}
