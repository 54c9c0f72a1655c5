/**
 * The console, the web page for people at {@code /console/}: serves its static files (plain ES modules under
 * {@code webapp/console}, and the Markdown renderer and HTML sanitiser from their WebJars) with a strict
 * Content-Security-Policy. It holds no logic of the API: the page calls the same endpoints as any client,
 * with the bearer token of the person who logged in. It depends on no other package of the application.
 */
package dev.lantern.app.console;
