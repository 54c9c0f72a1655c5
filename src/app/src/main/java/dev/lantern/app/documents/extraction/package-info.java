/**
 * Text out of uploaded files with Apache Tika, under Lantern's rules: the extension decides the accepted
 * types and the content must agree; ZIP packages are inspected for bombs and XML entities before parsing;
 * characters, embedded documents, nesting and time are limited. Plain Java on top of Tika: no container.
 */
package dev.lantern.app.documents.extraction;
