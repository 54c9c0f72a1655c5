/**
 * Every failure, named once: the {@link dev.lantern.app.errors.ErrorCode} catalogue, the one error body,
 * the translation of services' typed exceptions ({@link dev.lantern.app.errors.TranslateErrors}) and of
 * everything else (the exception mappers), request ids and endpoint names. Every error answered is announced
 * as an {@link dev.lantern.app.errors.ErrorAnswered} event (counted by {@code statistics}). It decides how an
 * error is answered, never whether one happens, and depends on no other package of the application.
 */
package dev.lantern.app.errors;
