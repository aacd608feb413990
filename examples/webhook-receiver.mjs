// A webhook receiver that verifies every delivery, as docs/push.md#webhooks-for-dashboards-and-alerting shows
// it (tests/browser/webhook-example.test.ts runs it against `npm start`, and checks that the
// page shows this code). STATUS_WEBHOOK_SECRET is the secret the subscription was made
// with; PORT where it listens.
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const webhook = new Webhook(process.env.STATUS_WEBHOOK_SECRET); // "whsec_…"
createServer(async (request, response) => {
  let body = '';
  for await (const chunk of request) body += chunk; // verify the body exactly as it came
  try {
    const event = webhook.verify(body, request.headers); // throws on a bad signature or an old timestamp
    console.log(event.type, event.data.change.report); // keep webhook-id to drop a repeat
    response.writeHead(204).end();
  } catch {
    response.writeHead(400).end();
  }
}).listen(Number(process.env.PORT ?? 8080), '127.0.0.1');
