// Bundled by run.mjs (esbuild) into vendor/wink.mjs: wink-nlp and its English lite web model.
export { default as winkNLP } from "wink-nlp";
export { default as model } from "wink-eng-lite-web-model";
