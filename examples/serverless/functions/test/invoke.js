// invoke.js runs one Twilio Function handler locally, the way the Functions runtime calls it, and prints
// {"status", "headers", "body"} as one JSON line on stdout. Used by the Go test that checks the functions
// (internal/e2e/functions_test.go); also handy by hand:
//
//   CONTEXT_JSON='{"CALLER_ID":"+15005550006"}' node test/invoke.js voice.js '{"From":"client:alice","To":"+15551230100"}'
//
// The runtime gives a handler the Twilio global (the twilio package plus Twilio.Response), a context of
// the environment's variables and an event of the request's parameters (and, since runtime-handler 1.2,
// event.request.headers); see https://www.twilio.com/docs/serverless/functions-assets/functions/invocation.
// Twilio.Response is not in the twilio package, so this file provides one with the documented methods.
const path = require('path');
const twilio = require('twilio');

class Response {
  constructor() {
    this.status = 200;
    this.headers = {};
    this.body = null;
  }
  setStatusCode(code) { this.status = code; return this; }
  setBody(body) { this.body = body; return this; }
  appendHeader(name, value) { this.headers[name] = value; return this; }
  setHeaders(headers) { this.headers = { ...headers }; return this; }
}

global.Twilio = Object.assign(Object.create(twilio), { Response, jwt: twilio.jwt, twiml: twilio.twiml });

const [file, eventJSON] = process.argv.slice(2);
if (!file) {
  console.error('usage: node test/invoke.js <function file> [event JSON]');
  process.exit(2);
}
const context = JSON.parse(process.env.CONTEXT_JSON || '{}');
const event = JSON.parse(eventJSON || '{}');
const { handler } = require(path.resolve(__dirname, '..', file));

handler(context, event, (err, result) => {
  if (err) {
    console.error(String(err));
    process.exit(1);
  }
  if (result instanceof Response) {
    console.log(JSON.stringify({ status: result.status, headers: result.headers, body: result.body }));
  } else if (result && typeof result.toString === 'function' && result.constructor && result.constructor.name === 'VoiceResponse') {
    console.log(JSON.stringify({ status: 200, headers: { 'Content-Type': 'text/xml' }, body: result.toString() }));
  } else {
    console.log(JSON.stringify({ status: 200, headers: {}, body: result }));
  }
});
