// A minimal voice function: answer and say hello. See examples/serverless/functions/voice.js for the tenant's.
exports.handler = function (context, event, callback) {
  const twiml = new Twilio.twiml.VoiceResponse();
  twiml.say('Hello from Terraform.');
  callback(null, twiml);
};
