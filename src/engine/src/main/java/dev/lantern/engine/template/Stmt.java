package dev.lantern.engine.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A piece of the template that writes text or changes variables: text, {@code {{ }}}, and the block tags. */
interface Stmt {
    void render(Frame f);

    record Text(String text) implements Stmt {
        @Override
        public void render(Frame f) {
            f.write(text);
        }
    }

    record Print(Expr value) implements Stmt {
        @Override
        public void render(Frame f) {
            f.write(PyStr.str(value.eval(f)));
        }
    }

    record Body(List<Stmt> statements) implements Stmt {
        @Override
        public void render(Frame f) {
            for (Stmt s : statements) {
                s.render(f);
            }
        }
    }

    record If(List<Expr> tests, List<Stmt> bodies, Stmt otherwise) implements Stmt {
        @Override
        public void render(Frame f) {
            for (int i = 0; i < tests.size(); i++) {
                if (Py.truthy(tests.get(i).eval(f))) {
                    bodies.get(i).render(f);
                    return;
                }
            }
            if (otherwise != null) {
                otherwise.render(f);
            }
        }
    }

    /** A name or a (nested) tuple of names to assign to, as in {@code for key, value in ...}. */
    record Target(String name, List<Target> parts) {
        void assign(Frame f, Object value) {
            if (name != null) {
                f.set(name, value);
                return;
            }
            List<Object> values = Py.iterate(value);
            if (values.size() != parts.size()) {
                throw new TemplateException(values.size() > parts.size()
                        ? "too many values to unpack (expected " + parts.size() + ")"
                        : "not enough values to unpack (expected " + parts.size() + ", got " + values.size() + ")");
            }
            for (int i = 0; i < parts.size(); i++) {
                parts.get(i).assign(f, values.get(i));
            }
        }
    }

    /** {@code for}: each iteration gets a fresh scope, so assignments in the body do not outlive it. */
    record For(Target target, Expr iterable, Expr condition, Stmt body, Stmt otherwise) implements Stmt {
        @Override
        public void render(Frame f) {
            List<Object> items = Py.iterate(iterable.eval(f));
            if (condition != null) {
                List<Object> kept = new ArrayList<>();
                for (Object item : items) {
                    f.state.tick();
                    Frame test = f.child();
                    target.assign(test, item);
                    if (Py.truthy(condition.eval(test))) {
                        kept.add(item);
                    }
                }
                items = kept;
            }
            if (items.isEmpty()) {
                if (otherwise != null) {
                    otherwise.render(f);
                }
                return;
            }
            LoopContext loop = new LoopContext(items);
            for (int i = 0; i < items.size(); i++) {
                f.state.tick();
                Frame iteration = f.child();
                target.assign(iteration, items.get(i));
                iteration.set("loop", loop.at(i));
                try {
                    body.render(iteration);
                } catch (LoopControl.Break b) {
                    break;
                } catch (LoopControl.Continue c) {
                    continue;
                }
            }
        }
    }

    record Set(Target target, Expr value) implements Stmt {
        @Override
        public void render(Frame f) {
            target.assign(f, value.eval(f));
        }
    }

    /** {@code set ns.attr = value}: only a namespace may be changed, as jinja2 enforces. */
    record SetAttribute(String namespace, String attribute, Expr value) implements Stmt {
        @Override
        public void render(Frame f) {
            Object target = f.lookup(namespace);
            if (!(target instanceof Namespace ns)) {
                throw new TemplateException("cannot assign attribute on non-namespace object");
            }
            ns.attributes.put(attribute, value.eval(f));
        }
    }

    /** {@code set name | filters %}...{% endset}: the body's text, through the filters. */
    record SetBlock(Target target, List<Expr.Filter> filters, Stmt body) implements Stmt {
        @Override
        public void render(Frame f) {
            target.assign(f, FilterBlock.filtered(filters, body, f));
        }
    }

    record FilterBlock(List<Expr.Filter> filters, Stmt body) implements Stmt {
        @Override
        public void render(Frame f) {
            f.write(PyStr.str(filtered(filters, body, f)));
        }

        static Object filtered(List<Expr.Filter> filters, Stmt body, Frame f) {
            Frame capture = f.capture();
            body.render(capture);
            Object value = capture.text();
            for (Expr.Filter filter : filters) {
                value = filter.applyTo(value, f);
            }
            return value;
        }
    }

    record MacroDefinition(Macro.Signature signature, Stmt body) implements Stmt {
        @Override
        public void render(Frame f) {
            f.set(signature.name(), new Macro(signature, body, f.scope));
        }
    }

    /** {@code call(params) macro(args) %}body{% endcall}: the body becomes {@code caller} for the macro. */
    record CallBlock(Expr.Call call, Macro.Signature caller, Stmt body) implements Stmt {
        @Override
        public void render(Frame f) {
            Args args = call.arguments().eval(f);
            Map<String, Object> keywords = new LinkedHashMap<>(args.keywords());
            keywords.put("caller", new Macro(caller, body, f.scope));
            f.write(PyStr.str(Expr.Call.invoke(call.callee().eval(f), new Args(args.positional(), keywords), f)));
        }
    }

    record With(List<Target> targets, List<Expr> values, Stmt body) implements Stmt {
        @Override
        public void render(Frame f) {
            Frame inner = f.child();
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).assign(inner, values.get(i).eval(f));
            }
            body.render(inner);
        }
    }

    record Break() implements Stmt {
        @Override
        public void render(Frame f) {
            throw LoopControl.BREAK;
        }
    }

    record Continue() implements Stmt {
        @Override
        public void render(Frame f) {
            throw LoopControl.CONTINUE;
        }
    }
}
