// A loopback Bot Framework connector for the turn benchmark: it accepts every send at once, so the
// bots, not the connector, are what is measured. GETs (a member look-up) answer one member.
const http = require('http');

const port = Number(process.argv[2] || 3980);
let sends = 0;
http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    let body;
    if (req.method === 'GET') {
      body = { id: '29:1bench', name: 'Anna Berg', aadObjectId: '6a2c4a1e-3f0c-4a5e-9d6b-1c2d3e4f5a6b',
        email: 'anna@example.com', userPrincipalName: 'anna@example.com' };
    } else {
      sends += 1;
      body = { id: `reply-${sends}` };
    }
    const bytes = Buffer.from(JSON.stringify(body));
    res.writeHead(req.method === 'GET' ? 200 : 201, { 'Content-Type': 'application/json', 'Content-Length': bytes.length });
    res.end(bytes);
  });
}).listen(port, '127.0.0.1', () => console.log(`connector on ${port}`));
process.on('SIGTERM', () => { console.log(`connector took ${sends} sends`); process.exit(0); });
