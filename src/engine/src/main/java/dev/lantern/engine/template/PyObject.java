package dev.lantern.engine.template;

/** A runtime object with attributes of its own ({@code loop}, a cycler): what it lacks is Undefined. */
interface PyObject {
    Object attribute(String name);
}
