import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pointCandidatesAt, relayPorts } from '../../emulator/customer/relay-sdp';

const SDP = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'm=audio 50123 UDP/TLS/RTP/SAVPF 111 0',
  'c=IN IP4 192.0.2.2',
  'a=rtcp:9 IN IP4 0.0.0.0',
  'a=candidate:1 1 udp 2122260223 127.0.0.1 50123 typ host generation 0',
  'a=candidate:2 1 udp 2122194687 192.0.2.2 50124 typ host generation 0',
  'a=candidate:3 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0',
  'a=mid:0',
  ''
].join('\r\n');

test('every candidate becomes one host candidate at the relay, and c=/m= follow', () => {
  const out = pointCandidatesAt(SDP, 40000);
  const candidates = out.split('\r\n').filter((l) => l.startsWith('a=candidate:'));
  assert.deepEqual(candidates, ['a=candidate:1 1 udp 2122260223 127.0.0.1 40000 typ host generation 0']);
  assert.match(out, /\r\nm=audio 40000 UDP\/TLS\/RTP\/SAVPF 111 0\r\n/);
  assert.match(out, /\r\nc=IN IP4 127\.0\.0\.1\r\n/);
  assert.ok(out.includes('a=mid:0') && out.endsWith('\r\n'), 'everything else is kept, line endings too');
});

test('the relay parameter takes two ports or nothing', () => {
  assert.deepEqual(relayPorts('4000,4001'), { local: 4000, remote: 4001 });
  for (const bad of [null, '', '4000', '0,1', '4000,70000', '1,2,3', 'a,b'])
    assert.equal(relayPorts(bad), null, String(bad));
});
