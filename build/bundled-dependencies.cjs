// electron-builder `beforeBuild` hook. Main, preload and renderer are bundles with their
// dependencies inside, so returning false skips the rebuild and copy of node_modules.
module.exports = async () => false;
