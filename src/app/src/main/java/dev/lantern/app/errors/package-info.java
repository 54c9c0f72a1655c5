/**
 * Every failure, named once: the {@link dev.lantern.app.errors.ErrorCode} catalogue, the one error body,
 * the translation of services' typed exceptions ({@link dev.lantern.app.errors.TranslateErrors}) and of
 * everything else (the exception mappers), request ids, error metrics, persisted hourly statistics and the
 * alert on internal errors. It decides how an error is answered, never whether one happens.
 */
package dev.lantern.app.errors;
