'use strict';
// Bolt's App requires its Socket Mode receiver when it is loaded, and with it @slack/socket-mode
// and undici, though it uses it only in Socket Mode. In the compiled bot (scripts/build.mjs) App gets
// this module instead, which loads the receiver the first time App asks for it.
Object.defineProperty(exports, '__esModule', { value: true });
let receiver;
Object.defineProperty(exports, 'default', {
  enumerable: true,
  get: () => (receiver ??= require('@slack/bolt/dist/receivers/SocketModeReceiver').default),
});
