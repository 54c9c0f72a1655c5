/**
 * Who the caller is: users and their password hashes, login with brute-force throttling, access tokens
 * (RS256 JWTs signed here, verified by MicroProfile JWT) and their signing keys and JWKS, rotating refresh
 * tokens, API keys, the first administrator (also the Liberty admin console's), and the filter that
 * establishes the request's {@link dev.lantern.app.identity.Caller} and answers 401/403 in the catalogue's
 * words. It does not decide rate limits (that is {@code ratelimit}) or how errors are written (that is {@code errors}).
 */
package dev.lantern.app.auth;
