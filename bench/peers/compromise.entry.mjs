// Bundled by run.mjs (esbuild) into vendor/compromise.mjs: compromise's full build ("three":
// tagging, people(), places(), organizations()).
export { default } from "compromise";
