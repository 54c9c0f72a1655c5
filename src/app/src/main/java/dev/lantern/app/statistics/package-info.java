/**
 * Error statistics and the alert on internal errors: it observes every error answered
 * ({@link dev.lantern.app.errors.ErrorAnswered}), counts it in the metric {@code lantern_errors_total}, persists
 * hourly counts, serves them at {@code GET /stats/errors}, and raises the alert (log, readiness data, webhook)
 * when internal errors pass their threshold. It never decides how an error is answered (that is
 * {@code errors}).
 */
package dev.lantern.app.statistics;
