package dev.lantern.engine.template;

import java.util.Map;
import java.util.Set;

/** The Python methods a type offers to templates, and the mutating ones the immutable sandbox refuses. */
record MethodTable(Map<String, Method> methods, Set<String> unsafe) {
    interface Method {
        Object call(Object self, Args args);
    }
}
