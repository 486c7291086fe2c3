// The reference bot of the turn benchmark: the Bot Framework SDK for JavaScript's echo bot, the
// most used SDK's simplest bot, without authentication like Planpuls in local mode.
const http = require('http');
const { BotFrameworkAdapter } = require('botbuilder');

const port = Number(process.argv[2] || 3979);
const adapter = new BotFrameworkAdapter({ appId: '', appPassword: '' });
adapter.onTurnError = async (context, error) => {
  console.error('turn failed', error);
};

http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    try {
      req.body = JSON.parse(body);
    } catch (e) {
      res.writeHead(400).end();
      return;
    }
    const reply = {
      status: (code) => { res.statusCode = code; },
      header: (name, value) => res.setHeader(name, value),
      send: (payload) => { res.end(payload === undefined ? undefined : JSON.stringify(payload)); },
      end: () => { if (!res.writableEnded) res.end(); },
    };
    adapter.processActivity(req, reply, async (context) => {
      if (context.activity.type === 'message') {
        await context.sendActivity(`Echo: ${context.activity.text || ''}`);
      }
    }).catch((e) => { console.error(e); if (!res.writableEnded) { res.statusCode = 500; res.end(); } });
  });
}).listen(port, '127.0.0.1', () => console.log(`echo bot on ${port}`));
