package dev.lantern.app.models;

/** Where a configured model is in its life. */
public enum ModelState {
    LOADING, READY, FAILED
}
