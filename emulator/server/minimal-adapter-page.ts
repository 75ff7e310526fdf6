/**
 * The bench's baseline adapter (issue 15): the least a Lightning softphone can do to be ready. It loads
 * the same Open CTI library as the real page and makes the four start-up calls the host waits for, all at
 * once, with no UI, no settings parsing and no storage. `npm run bench` times it against the real page
 * in the same run, so the ratio — not the drifting milliseconds — says how close to the floor we are.
 */
export const MINIMAL_ADAPTER_PATH = '/apex/Switchboard_Bench_Minimal';

export function renderMinimalAdapterPage(openCtiPath: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Minimal Open CTI adapter (bench baseline)</title>
<script src="${openCtiPath}"></script>
</head>
<body>
<script>
(function () {
  var cti = window.sforce.opencti;
  var ignore = function () {};
  cti.onClickToDial({ listener: ignore });
  cti.getCallCenterSettings({ callback: ignore });
  cti.enableClickToDial({ callback: ignore });
  cti.notifyInitializationComplete({ callback: ignore });
})();
</script>
</body>
</html>
`;
}
