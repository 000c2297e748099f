/**
 * `npm run build`: what `n8n-node build` does, in gulp: clean dist, compile with tsc, then copy
 * the icons and any __schema__ JSON next to the compiled files, paths kept.
 */
const { src, dest, series } = require('gulp');
const { execFileSync } = require('node:child_process');
const { rmSync } = require('node:fs');

function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

function compile(done) {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
		stdio: 'inherit',
	});
	done();
}

function copyStaticFiles() {
	return src(['{nodes,credentials}/**/*.{png,svg}', 'nodes/**/__schema__/**/*.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = series(clean, compile, copyStaticFiles);
exports.default = exports.build;
