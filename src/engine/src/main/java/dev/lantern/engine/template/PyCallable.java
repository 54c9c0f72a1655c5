package dev.lantern.engine.template;

/** Something a template can call: a global function, a macro, a bound Python method, {@code caller}. */
interface PyCallable {
    Object call(Args args, Frame frame);
}
