// token.js: mints a short-lived voice access token for one client identity, with the tenant's API key.
// Browser and mobile clients call it before their token expires (the refresh call of the Console
// procedure). Deployed as a public Function, so it authenticates its caller itself: the tenant's backend
// presents CLIENT_AUTH_SECRET as a bearer token. Without that secret configured it refuses to mint (fails
// closed) rather than hand tokens to anyone who finds the URL.
//
// Environment variables (twilio_serverless_variable; secrets as write-only values):
//   ACCOUNT_SID         the tenant's account (AC…), the token's subject
//   API_KEY_SID         the tenant's API key (SK…), the token's issuer
//   API_KEY_SECRET      that key's secret, which signs the token (write-only in Terraform)
//   TWIML_APP_SID       the TwiML app (AP…) outgoing calls go through
//   CLIENT_AUTH_SECRET  the bearer secret callers must present (write-only in Terraform)
//   TOKEN_TTL           lifetime in seconds, 60 to 86400 (Twilio's maximum); default 3600
//
// Request: GET or POST with identity=<client identity> and "Authorization: Bearer <CLIENT_AUTH_SECRET>".
// Answer: 200 {"identity", "token", "ttl"}; 400 for a bad identity; 401 for a missing or wrong secret;
// 500 when the Function is misconfigured. No answer ever contains a secret.
const crypto = require('crypto');

const MAX_IDENTITY = 256; // Twilio's limit on an access token identity
const FORBIDDEN = /[\s<>#%"{}|\\^[\]`\u0000-\u001f\u007f]/; // spaces, URI delimiters, controls: Voice refuses them
const SID = (prefix) => new RegExp('^' + prefix + '[0-9a-fA-F]{32}$');

function reply(status, body) {
  const response = new Twilio.Response();
  response.setStatusCode(status);
  response.appendHeader('Content-Type', 'application/json');
  response.appendHeader('Cache-Control', 'no-store');
  response.setBody(body);
  return response;
}

// sameSecret compares in constant time, so the answer's timing tells nothing about the secret.
function sameSecret(given, want) {
  const a = crypto.createHash('sha256').update(String(given)).digest();
  const b = crypto.createHash('sha256').update(String(want)).digest();
  return crypto.timingSafeEqual(a, b);
}

function bearer(event) {
  const headers = (event.request && event.request.headers) || {};
  const value = headers.authorization || headers.Authorization || '';
  const match = /^Bearer (.+)$/.exec(value);
  return match ? match[1] : null;
}

function configProblem(context) {
  if (!SID('AC').test(context.ACCOUNT_SID || '')) return 'ACCOUNT_SID is not an account SID (AC…)';
  if (!SID('SK').test(context.API_KEY_SID || '')) return 'API_KEY_SID is not an API key SID (SK…)';
  if (!context.API_KEY_SECRET) return 'API_KEY_SECRET is not set';
  if (!SID('AP').test(context.TWIML_APP_SID || '')) return 'TWIML_APP_SID is not a TwiML app SID (AP…)';
  if (!context.CLIENT_AUTH_SECRET) return 'CLIENT_AUTH_SECRET is not set';
  const ttl = Number(context.TOKEN_TTL || 3600);
  if (!Number.isInteger(ttl) || ttl < 60 || ttl > 86400) return 'TOKEN_TTL must be a whole number of seconds from 60 to 86400';
  return null;
}

exports.handler = function (context, event, callback) {
  const problem = configProblem(context);
  if (problem) {
    // The variable's name is safe to show; its value never is.
    return callback(null, reply(500, { error: 'token function misconfigured: ' + problem }));
  }
  const presented = bearer(event);
  if (presented === null || !sameSecret(presented, context.CLIENT_AUTH_SECRET)) {
    return callback(null, reply(401, { error: 'missing or wrong bearer secret' }));
  }
  const identity = typeof event.identity === 'string' ? event.identity : '';
  if (identity === '' || [...identity].length > MAX_IDENTITY || FORBIDDEN.test(identity)) {
    return callback(null, reply(400, {
      error: 'identity must be 1 to ' + MAX_IDENTITY + ' characters without spaces, control characters or any of <>#%"{}|\\^[]`',
    }));
  }

  const ttl = Number(context.TOKEN_TTL || 3600);
  const AccessToken = Twilio.jwt.AccessToken;
  const token = new AccessToken(context.ACCOUNT_SID, context.API_KEY_SID, context.API_KEY_SECRET, { identity, ttl });
  token.addGrant(new AccessToken.VoiceGrant({ outgoingApplicationSid: context.TWIML_APP_SID, incomingAllow: true }));
  return callback(null, reply(200, { identity, token: token.toJwt(), ttl }));
};
