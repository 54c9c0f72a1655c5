package dev.lantern.engine.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code macro} (or a {@code call} block's {@code caller}): called, it renders its body in a new scope
 * over the one it was defined in and returns the text. As in jinja2, a missing argument without a default
 * is Undefined, and extra arguments are accepted only by a macro whose body reads {@code varargs} or
 * {@code kwargs} (or {@code caller}, for the caller of a call block).
 */
final class Macro implements PyCallable {
    /** The macro's name and parameters, and which of the special names its body reads. */
    record Signature(String name, List<String> parameters, List<Expr> defaults, Set<String> namesRead) {
    }

    private final Signature signature;
    private final Stmt body;
    private final Scope definedIn;

    Macro(Signature signature, Stmt body, Scope definedIn) {
        this.signature = signature;
        this.body = body;
        this.definedIn = definedIn;
    }

    @Override
    public Object call(Args args, Frame caller) {
        caller.state.enter();
        try {
            Frame frame = new Frame(new Scope(definedIn), caller.state, new StringBuilder());
            bind(args, frame);
            body.render(frame);
            return frame.text();
        } finally {
            caller.state.leave();
        }
    }

    private void bind(Args args, Frame frame) {
        List<String> parameters = signature.parameters();
        Map<String, Object> keywords = new LinkedHashMap<>(args.keywords());
        int firstDefault = parameters.size() - signature.defaults().size();
        for (int i = 0; i < parameters.size(); i++) {
            String p = parameters.get(i);
            if (i < args.positional().size()) {
                if (keywords.containsKey(p)) {
                    throw new TemplateException("macro '" + signature.name() + "' got multiple values for argument '" + p + "'");
                }
                frame.set(p, args.positional().get(i));
            } else if (keywords.containsKey(p)) {
                frame.set(p, keywords.remove(p));
            } else if (i >= firstDefault) {
                frame.set(p, signature.defaults().get(i - firstDefault).eval(frame));
            } else {
                frame.set(p, Undefined.withHint("parameter '" + p + "' was not provided"));
            }
        }
        if (keywords.containsKey("caller")) {
            if (!signature.namesRead().contains("caller")) {
                throw new TemplateException("macro '" + signature.name() + "' takes no keyword argument 'caller'");
            }
            frame.set("caller", keywords.remove("caller"));
        }
        List<Object> extra = new ArrayList<>();
        for (int i = parameters.size(); i < args.positional().size(); i++) {
            extra.add(args.positional().get(i));
        }
        if (!extra.isEmpty() && !signature.namesRead().contains("varargs")) {
            throw new TemplateException("macro '" + signature.name() + "' takes not more than " + parameters.size()
                    + " argument(s)");
        }
        if (!keywords.isEmpty() && !signature.namesRead().contains("kwargs")) {
            throw new TemplateException("macro '" + signature.name() + "' takes no keyword argument '"
                    + keywords.keySet().iterator().next() + "'");
        }
        frame.set("varargs", new PyTuple(extra));
        frame.set("kwargs", new LinkedHashMap<Object, Object>(keywords));
    }

    @Override
    public String toString() {
        return "<Macro '" + signature.name() + "'>";
    }
}
