// Stands in for the `debug` package in the softphone's SIP bundle (scripts/build.mjs aliases it).
// JsSIP logs every SIP message through `debug`, and adapter/src/telephony/sip/jssip-debug.ts switches
// that off before any user agent exists (it would print numbers and digest headers past our redacting
// logger). Off is the only state we use, so the 2 KB gzip that decides what to print is not shipped:
// every logger here is a no-op and reports itself disabled, and enable() cannot turn it back on.
'use strict';

function createDebug() {
  const log = function () {};
  log.enabled = false;
  log.log = function () {};
  log.extend = function () {
    return createDebug();
  };
  log.destroy = function () {
    return false;
  };
  return log;
}
createDebug.enable = function () {};
createDebug.disable = function () {
  return '';
};
createDebug.enabled = function () {
  return false;
};
createDebug.save = function () {};
createDebug.default = createDebug;
module.exports = createDebug;
