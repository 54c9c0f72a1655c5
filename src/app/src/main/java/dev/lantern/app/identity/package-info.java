/**
 * Who is calling and from where, as every feature needs to know it: the request-scoped
 * {@link dev.lantern.app.identity.Caller} and its immutable {@link dev.lantern.app.identity.CallerIdentity},
 * the two {@link dev.lantern.app.identity.Roles}, and the client address behind trusted proxies. It stands
 * below {@code auth} (which establishes the caller), {@code ratelimit}, {@code documents} and
 * {@code generation} (which use it), and decides nothing itself: no login, no limit.
 */
package dev.lantern.app.identity;
