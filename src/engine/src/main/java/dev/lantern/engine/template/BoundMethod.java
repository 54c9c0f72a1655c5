package dev.lantern.engine.template;

/** {@code 'text'.upper} before it is called: the receiver and the method, as Python binds them. */
record BoundMethod(Object receiver, String name, MethodTable.Method method) implements PyCallable {
    @Override
    public Object call(Args args, Frame frame) {
        return method.call(receiver, args);
    }

    @Override
    public String toString() {
        return "<built-in method " + name + " of " + Py.typeName(receiver) + " object>";
    }
}
