package dev.lantern.engine.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code macro} (or a {@code call} block's {@code caller}): called, it renders its body in a new scope
 * over the one it was defined in and returns the text. Missing arguments without a default are Undefined,
 * extra ones land in {@code varargs} and {@code kwargs}, as in jinja2.
 */
final class Macro implements PyCallable {
    private final String name;
    private final List<String> parameters;
    private final List<Expr> defaults;
    private final Stmt body;
    private final Scope definedIn;

    Macro(String name, List<String> parameters, List<Expr> defaults, Stmt body, Scope definedIn) {
        this.name = name;
        this.parameters = parameters;
        this.defaults = defaults;
        this.body = body;
        this.definedIn = definedIn;
    }

    @Override
    public Object call(Args args, Frame caller) {
        caller.state.enter();
        try {
            Frame frame = new Frame(new Scope(definedIn), caller.state, new StringBuilder());
            Map<String, Object> keywords = new LinkedHashMap<>(args.keywords());
            int firstDefault = parameters.size() - defaults.size();
            for (int i = 0; i < parameters.size(); i++) {
                String p = parameters.get(i);
                if (i < args.positional().size()) {
                    frame.set(p, args.positional().get(i));
                } else if (keywords.containsKey(p)) {
                    frame.set(p, keywords.get(p));
                } else if (i >= firstDefault) {
                    frame.set(p, defaults.get(i - firstDefault).eval(frame));
                } else {
                    frame.set(p, Undefined.withHint("parameter '" + p + "' was not provided"));
                }
                keywords.remove(p);
            }
            if (keywords.containsKey("caller")) {
                frame.set("caller", keywords.remove("caller"));
            }
            List<Object> extra = new ArrayList<>();
            for (int i = parameters.size(); i < args.positional().size(); i++) {
                extra.add(args.positional().get(i));
            }
            frame.set("varargs", new PyTuple(extra));
            frame.set("kwargs", new LinkedHashMap<Object, Object>(keywords));
            body.render(frame);
            return frame.text();
        } finally {
            caller.state.leave();
        }
    }

    @Override
    public String toString() {
        return "<Macro '" + name + "'>";
    }
}
