'use strict';
// What the Slack adapter takes from Bolt, for the compiled bot only: scripts/build.mjs resolves the
// adapters' '@slack/bolt' to this file. Bolt's package index also loads the Express and AWS Lambda
// receivers (express and its dependencies), which the adapter does not use; these are Bolt's own
// modules, the same ones the index re-exports. `npm run dev` and the tests load the index itself.
const app = require('@slack/bolt/dist/App');

exports.App = app.default;
exports.LogLevel = app.LogLevel;
exports.HTTPReceiver = require('@slack/bolt/dist/receivers/HTTPReceiver').default;
