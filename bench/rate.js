// A fixed-rate load: posts the activity in a file at RATE requests per second for SECONDS, each
// request on its own schedule whether or not earlier ones have been answered (an open loop, as a
// staff answering a check-in would be), and measures each latency from the moment the request was
// due, so a stall counts against every request it delays (no coordinated omission, unlike a
// closed-loop tool such as wrk). {{N}} in the file becomes a number of the request's own.
//   node rate.js URL FILE RATE SECONDS  ->  RESULT rate=... sent=... p50_ms=... p99_ms=... max_ms=... errors=...
'use strict';
const http = require('http');
const fs = require('fs');

const [url, file, rateArg, secondsArg] = process.argv.slice(2);
if (!url || !file) {
  console.error('usage: node rate.js URL FILE RATE SECONDS');
  process.exit(2);
}
const rate = Number(rateArg || 500);
const seconds = Number(secondsArg || 10);
const template = fs.readFileSync(file, 'utf8');
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const total = Math.round(rate * seconds);
const latencies = [];
let errors = 0;
let sent = 0;
let finished = 0;
const start = process.hrtime.bigint();
const nanosPerRequest = 1e9 / rate;
// A run's own prefix, so that one run's card submissions are not the duplicates of another's.
const runId = 'r' + Date.now();

function send(n, due) {
  const body = template.split('{{N}}').join(runId + '-' + n);
  const request = http.request({
    agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
  }, (response) => {
    response.resume();
    response.on('end', () => {
      if (response.statusCode >= 300) errors++;
      done(due);
    });
  });
  request.on('error', () => {
    errors++;
    done(due);
  });
  request.end(body);
}

function done(due) {
  latencies.push(Number(process.hrtime.bigint() - due) / 1e6);
  finished++;
  if (finished === total) report();
}

function tick() {
  const elapsed = Number(process.hrtime.bigint() - start);
  while (sent < total && sent * nanosPerRequest <= elapsed) {
    send(sent, start + BigInt(Math.round(sent * nanosPerRequest)));
    sent++;
  }
  if (sent < total) setTimeout(tick, 1);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report() {
  const sorted = latencies.slice().sort((a, b) => a - b);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`RESULT rate=${rate} sent=${total} achieved=${(total / wall).toFixed(1)} `
    + `p50_ms=${percentile(sorted, 50).toFixed(2)} p99_ms=${percentile(sorted, 99).toFixed(2)} `
    + `max_ms=${sorted[sorted.length - 1].toFixed(2)} errors=${errors}`);
  agent.destroy();
}

tick();
