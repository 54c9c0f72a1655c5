/**
 * How often a caller may call: the {@code @RateLimited} binding and its interceptor, the policies read from
 * configuration, the limiter (in memory, or in Redis shared by every server), the token quota of generation,
 * and the RateLimit headers. It decides whether a call may proceed, never who the caller is (that is
 * {@code identity}, established by {@code auth}) nor how an error is written (that is {@code errors}).
 */
package dev.lantern.app.ratelimit;
