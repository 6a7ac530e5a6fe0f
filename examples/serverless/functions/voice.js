// voice.js: the tenant's voice function, the voice_url of its phone numbers and of its TwiML app.
//   - A call placed by a browser or mobile client (From is client:<identity>, via the TwiML app) dials the
//     number it asks for (To) with the tenant's number as caller ID.
//   - Any other call (someone dialling the tenant's number) rings the tenant's client identity.
//
// Environment variables (twilio_serverless_variable):
//   CALLER_ID        the tenant's number (E.164) shown to the people its clients call
//   CLIENT_IDENTITY  the client identity incoming calls ring
const E164 = /^\+[1-9][0-9]{1,14}$/;

exports.handler = function (context, event, callback) {
  const twiml = new Twilio.twiml.VoiceResponse();
  const from = String(event.From || '');
  if (from.startsWith('client:')) {
    const to = String(event.To || '');
    if (!E164.test(to) || !E164.test(context.CALLER_ID || '')) {
      // Say why and hang up, rather than let Twilio play its generic application error.
      twiml.say('This call cannot be placed: the number is not valid.');
      return callback(null, twiml);
    }
    twiml.dial({ callerId: context.CALLER_ID }).number(to);
    return callback(null, twiml);
  }
  if (!context.CLIENT_IDENTITY) {
    twiml.say('Nobody can take this call yet.');
    return callback(null, twiml);
  }
  twiml.dial().client(context.CLIENT_IDENTITY);
  return callback(null, twiml);
};
