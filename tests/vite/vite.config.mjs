// Builds the app in this directory (run with it as the working directory); the package comes from
// the node_modules of the scratch project this directory is copied into.
export default {
  root: '.',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
};
