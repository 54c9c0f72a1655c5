/**
 * Who the caller is: the first administrator, and the Liberty admin console's account. Login, tokens,
 * API keys and password hashing will live here too; it does not decide rate limits or error bodies.
 */
package dev.lantern.app.auth;
