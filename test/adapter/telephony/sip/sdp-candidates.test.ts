import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepLoopbackCandidates } from '../../../../adapter/src/telephony/sip/sdp-candidates';

test('keepLoopbackCandidates drops every non-loopback candidate and nothing else', () => {
  const sdp = [
    'v=0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    'a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0',
    'a=candidate:2 1 udp 2122194687 192.0.2.2 50001 typ host generation 0',
    'a=candidate:3 1 udp 2122194687 fd00::2 50002 typ host generation 0',
    'a=candidate:4 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active',
    'a=mid:0',
    ''
  ].join('\r\n');
  const out = keepLoopbackCandidates(sdp);
  assert.match(out, /127\.0\.0\.1 50000/);
  assert.match(out, /127\.0\.0\.1 9 typ host tcptype active/);
  assert.doesNotMatch(out, /192\.0\.2\.2|fd00::2/);
  assert.ok(out.endsWith('a=mid:0\r\n'));
});
